// The version the server and the CLI report (serverInfo, SARIF); a unit test keeps it equal to package.json's.
export const GOVREPORT_VERSION = '0.1.0';
