/** Test credentials: long and distinctive, so the secret scan can find any leak of them. */
export const AK = 'AKtest0123456789abcdef';
export const SK = 'SKsecret-9f8e7d6c5b4a39281706';
export const SESSION_TOKEN = 'STStoken-ZXhhbXBsZS1zZXNzaW9uLXRva2VuLXZhbHVl';

export const STATIC = { accessKeyId: AK, secretAccessKey: SK };
export const WITH_TOKEN = { accessKeyId: AK, secretAccessKey: SK, sessionToken: SESSION_TOKEN };
