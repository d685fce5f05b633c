export { BrowserAuth, type BrowserAuthSettings, type DemoUser } from './browser-auth';
export { SignIn, type SignInTexts } from './SignIn';
