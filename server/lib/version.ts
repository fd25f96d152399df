// The version the API and its OpenAPI document report (package.json's, kept in step by hand).
export const APP_VERSION = '0.1.0';
