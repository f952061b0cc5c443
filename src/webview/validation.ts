// The form's own checks, loaded by formView.ts once the form is shown: they bring zod (dist/webview/zod.js, the file
// the extension host requires too), most of the webview's code, which the form does not need to appear (until they
// are in, the extension's answers to `validate` and `submit` show the errors). zodSetup comes first: no schema may be
// built before zod is told not to compile with `new Function`.
import './zodSetup.js';

export { validateFormValues } from '../shared/formValidation.js';
