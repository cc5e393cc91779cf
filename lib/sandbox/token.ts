/**
 * The access token the app uses in sandbox mode, which only the sandbox's stand-in accepts. Not a
 * secret: the stand-in listens on 127.0.0.1 and sends nothing anywhere but to the app itself.
 */
export const SANDBOX_ACCESS_TOKEN = "SANDBOX-not-a-meta-token";
