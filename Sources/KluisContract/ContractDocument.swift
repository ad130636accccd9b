/// The API's contract, openapi.json, compiled in (`text`, generated beside the server types by
/// scripts/generate-openapi): served at /openapi.json and read for each operation's access and
/// limits, so a deployed `kluis` needs no file beside it.
package enum ContractDocument {}
