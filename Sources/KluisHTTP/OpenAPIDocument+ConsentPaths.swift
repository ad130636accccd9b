extension OpenAPIDocument {
    /// Paths of consents, objections and receipts.
    static let consentPaths = #"""
    {
      "/v1/subjects/{id}/consents": {
        "parameters": [
          {
            "$ref": "#/components/parameters/SubjectId"
          }
        ],
        "get": {
          "operationId": "subjectConsents",
          "tags": [
            "consents"
          ],
          "summary": "A subject's consents and objections",
          "description": "Where the person stands on every purpose of the policy that rests on consent or allows objection (art. 21), in policy order, and their whole consent history, oldest first. A parent's or guardian's name stays sealed: the history shows only their relationship and how it was checked. Every read is audited.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "responses": {
            "200": {
              "description": "The state per purpose and the history.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ConsentOverview"
                  }
                }
              }
            },
            "401": {
              "$ref": "#/components/responses/Unauthorised"
            },
            "404": {
              "$ref": "#/components/responses/SubjectNotFound"
            },
            "500": {
              "$ref": "#/components/responses/Internal"
            }
          }
        },
        "post": {
          "operationId": "recordConsents",
          "tags": [
            "consents"
          ],
          "summary": "Record consent and objection decisions",
          "description": "Records one decision per purpose, all in one transaction, after checking them against the policy: `given`, `refused`, `withdrawn` and `expired` for purposes that rest on consent (art. 7); `objected` and `objection_withdrawn` for direct marketing and for purposes that rest on a legitimate interest or public task (art. 21). A `given` after an earlier consent is recorded as `renewed`, and an explicit consent lifts an objection in force. When the policy has an age rule, a call that gives consent needs `birth_date`, which is never stored; below the minimum age a parent or guardian consents (`guardian`), or the policy accepts no consent at all. When consent is given, renewed or withdrawn, the answer carries a Kantara Consent Receipt v1.1 signed as a compact JWS (ES256, keys at `/v1/consent-receipts/keys`) for the person to keep. Every decision is audited.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "parameters": [
            {
              "name": "Sec-GPC",
              "in": "header",
              "required": false,
              "description": "Global Privacy Control, as the person's browser sent it. `1` records an objection (method `browser_signal`) to every direct-marketing purpose of the policy that is not explicitly given in the same call and not objected to already. Any other value is ignored.",
              "schema": {
                "type": "string",
                "examples": [
                  "1"
                ]
              }
            }
          ],
          "requestBody": {
            "required": true,
            "description": "The decisions and how they were collected. At most 1 MiB.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ConsentBody"
                }
              }
            }
          },
          "responses": {
            "201": {
              "description": "The decisions were recorded.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ConsentRecorded"
                  }
                }
              }
            },
            "400": {
              "description": "`request.invalid` (the body is not valid JSON or has a field of the wrong type), `input.invalid` (no decisions, two decisions for one purpose, a decision other than the six accepted ones, a `method` other than web_form, email, phone or paper, a malformed `statement_hash` or `birth_date`, an implausible date of birth, a language the policy is not written in, an unknown guardian `relationship` or `verification`), `purpose.unknown` (a decision names no purpose of the policy).",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "401": {
              "$ref": "#/components/responses/Unauthorised"
            },
            "404": {
              "$ref": "#/components/responses/SubjectNotFound"
            },
            "413": {
              "$ref": "#/components/responses/TooLarge"
            },
            "422": {
              "description": "`consent.not_applicable` (consent given, refused, withdrawn or expired for a purpose that does not rest on consent, or an objection to a purpose art. 21 gives no right to object to), `consent.age_required` (the policy has an age rule and consent is given without `birth_date`), `consent.minor_refused` (the person is below the minimum age and the policy accepts no consent from minors), `consent.guardian_required` (the person is below the minimum age and `guardian` with a name, relationship and verification is missing).",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "500": {
              "$ref": "#/components/responses/Internal"
            }
          }
        }
      },
      "/v1/consents/stale": {
        "get": {
          "operationId": "staleConsents",
          "tags": [
            "consents"
          ],
          "summary": "Subjects whose consent must be asked again",
          "description": "Per purpose that rests on consent (or only `purpose`), the subjects whose latest consent was given for an earlier description of the purpose (its texts, data categories, recipients or direct-marketing flag changed since) and who must be asked again before the purpose may use their data. Subjects come in id order, a page at a time per purpose: pass the last id seen as `after`. Needs an admin key or a key bound to every purpose listed.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "parameters": [
            {
              "name": "purpose",
              "in": "query",
              "required": false,
              "description": "Only this purpose, which must rest on consent. Every consent-based purpose of the policy when absent.",
              "schema": {
                "type": "string"
              }
            },
            {
              "name": "after",
              "in": "query",
              "required": false,
              "description": "Return subjects with an id greater than this one.",
              "schema": {
                "$ref": "#/components/schemas/SubjectID"
              }
            },
            {
              "name": "limit",
              "in": "query",
              "required": false,
              "description": "The most subjects to return per purpose, clamped to 1...10000; 1000 when absent or not a number.",
              "schema": {
                "type": "integer",
                "default": 1000,
                "minimum": 1,
                "maximum": 10000
              }
            }
          ],
          "responses": {
            "200": {
              "description": "Per purpose, a page of subjects to ask again.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/StaleConsents"
                  }
                }
              }
            },
            "400": {
              "description": "`purpose.unknown` (`purpose` is not a purpose of the policy), `input.invalid` (`after` is not a subject id).",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "401": {
              "$ref": "#/components/responses/Unauthorised"
            },
            "403": {
              "description": "`purpose.not_allowed`: listing stale consents needs an admin key or a key bound to the purpose (to every consent-based purpose, without `purpose`).",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "422": {
              "description": "`consent.not_applicable`: `purpose` does not rest on consent, so no consent for it can be stale.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "500": {
              "$ref": "#/components/responses/Internal"
            }
          }
        }
      },
      "/v1/consent-receipts/verify": {
        "post": {
          "operationId": "verifyConsentReceipt",
          "tags": [
            "consents"
          ],
          "summary": "Verify a consent receipt",
          "description": "Checks that Kluis signed the receipt with its key and, when it did, returns what the receipt says and where each of its purposes stands now for the person it names. A receipt that does not verify is a 200 with `valid: false` and a `reason`. For anyone holding a receipt, without an API key. Public: answers CORS requests from any origin, without credentials.",
          "security": [],
          "requestBody": {
            "required": true,
            "description": "The receipt. At most 64 KiB.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReceiptBody"
                }
              }
            }
          },
          "responses": {
            "200": {
              "description": "The result of the verification.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ReceiptVerification"
                  }
                }
              }
            },
            "400": {
              "description": "`request.invalid`: the body is not valid JSON or lacks `receipt`.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "413": {
              "description": "`request.too_large`: the request body is larger than 64 KiB.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "500": {
              "$ref": "#/components/responses/Internal"
            }
          }
        }
      },
      "/v1/consent-receipts/keys": {
        "get": {
          "operationId": "consentReceiptKeys",
          "tags": [
            "consents"
          ],
          "summary": "The keys consent receipts are signed with",
          "description": "The public ES256 key of the receipts as a JWK set (RFC 7517), so that anyone holding a receipt can check its signature without asking Kluis; a receipt's `kid` header names its key. Public: answers CORS requests from any origin, without credentials.",
          "security": [],
          "responses": {
            "200": {
              "description": "The JWK set.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/JWKSet"
                  }
                }
              }
            },
            "500": {
              "$ref": "#/components/responses/Internal"
            }
          }
        }
      }
    }
    """#
}
