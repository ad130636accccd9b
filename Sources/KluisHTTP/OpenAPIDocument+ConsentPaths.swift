extension OpenAPIDocument {
    /// Paths of consents, objections, receipts, cookie choices and the cookie banner.
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
              "description": "`auth.unauthorised`: the `Authorization: Bearer` header is missing, malformed or names no valid API key.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "404": {
              "description": "`subject.not_found`: the path names no subject.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "500": {
              "description": "`internal`, `store.failure`, `store.not_initialised`, `ciphertext.invalid`, `root_key.*`: the server could not complete the request. The detail never contains personal data.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
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
              "description": "`auth.unauthorised`: the `Authorization: Bearer` header is missing, malformed or names no valid API key.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "404": {
              "description": "`subject.not_found`: the path names no subject.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "413": {
              "description": "`request.too_large`: the request body is larger than 1 MiB.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
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
              "description": "`internal`, `store.failure`, `store.not_initialised`, `ciphertext.invalid`, `root_key.*`: the server could not complete the request. The detail never contains personal data.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
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
              "description": "`auth.unauthorised`: the `Authorization: Bearer` header is missing, malformed or names no valid API key.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
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
              "description": "`internal`, `store.failure`, `store.not_initialised`, `ciphertext.invalid`, `root_key.*`: the server could not complete the request. The detail never contains personal data.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
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
              "description": "`internal`, `store.failure`, `store.not_initialised`, `ciphertext.invalid`, `root_key.*`: the server could not complete the request. The detail never contains personal data.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
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
              "description": "`internal`, `store.failure`, `store.not_initialised`, `ciphertext.invalid`, `root_key.*`: the server could not complete the request. The detail never contains personal data.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            }
          }
        }
      },
      "/v1/cookie-consent/config": {
        "get": {
          "operationId": "cookieConsentConfiguration",
          "tags": [
            "cookies"
          ],
          "summary": "The cookie categories to ask about",
          "description": "What the cookie banner shows, from the policy: its cookie categories with their names and descriptions in one language, which of them need no consent, the Google Consent Mode v2 types each grants, and where the privacy statement is. Public: answers CORS requests from any origin, without credentials.",
          "security": [],
          "parameters": [
            {
              "name": "lang",
              "in": "query",
              "required": false,
              "description": "The language of the names and descriptions. A language the policy is not written in falls back to the policy's first language.",
              "schema": {
                "type": "string",
                "enum": [
                  "nl",
                  "en"
                ]
              }
            }
          ],
          "responses": {
            "200": {
              "description": "The banner's configuration.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/CookieConfiguration"
                  }
                }
              }
            },
            "400": {
              "description": "`input.invalid`: `lang` is not nl or en.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "500": {
              "description": "`internal`, `store.failure`, `store.not_initialised`, `ciphertext.invalid`, `root_key.*`: the server could not complete the request. The detail never contains personal data.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            }
          }
        }
      },
      "/v1/cookie-consent": {
        "post": {
          "operationId": "recordCookieChoice",
          "tags": [
            "cookies"
          ],
          "summary": "Record a visitor's cookie choice",
          "description": "Records a website visitor's choice per cookie category of the policy and returns it with the Google Consent Mode v2 signals to pass to `gtag('consent', 'update', …)`. Categories that need consent and are not named are refused; categories that need none are always allowed and cannot be refused. Without `visitor_id` a new visitor id is made, for the caller to keep in a first-party cookie; the choice holds until `expires_at`, a year. Choices are appended, never changed, and audited. Public: the drop-in banner calls it from the visitor's browser, and it answers CORS requests from any origin, without credentials. An application that knows whose choice it is may add `subject_id`, and must then authenticate with its API key (`Authorization: Bearer`): a browser could name anyone. Browsers cannot send the key cross-origin, as the preflight allows only `Content-Type` and `Accept`.",
          "security": [
            {},
            {
              "bearerAuth": []
            }
          ],
          "parameters": [
            {
              "name": "Sec-GPC",
              "in": "header",
              "required": false,
              "description": "Global Privacy Control, as the visitor's browser sent it. `1` keeps every category that grants `ad_storage`, `ad_user_data` or `ad_personalization` refused, whatever `choices` says, and is recorded with the choice (`gpc`). Any other value is ignored.",
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
            "description": "The visitor's choice. At most 16 KiB.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CookieChoiceBody"
                }
              }
            }
          },
          "responses": {
            "201": {
              "description": "The choice was recorded.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/CookieChoiceAnswer"
                  }
                }
              }
            },
            "400": {
              "description": "`request.invalid` (the body is not valid JSON or has a field of the wrong type), `input.invalid` (`visitor_id` is not a visitor id, `subject_id` is not a subject id, `language` is not nl or en or a language the policy is not written in).",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "401": {
              "description": "`auth.unauthorised`: `subject_id` is given without a valid API key in the `Authorization: Bearer` header.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "404": {
              "description": "`subject.not_found`: `subject_id` names no subject.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "413": {
              "description": "`request.too_large`: the request body is larger than 16 KiB.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "422": {
              "description": "`cookie.choice_invalid`: the policy names no cookie categories, a key of `choices` is not a cookie category of the policy, or a category that needs no consent is refused.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "500": {
              "description": "`internal`, `store.failure`, `store.not_initialised`, `ciphertext.invalid`, `root_key.*`: the server could not complete the request. The detail never contains personal data.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            }
          }
        }
      },
      "/banner/kluis-banner.js": {
        "get": {
          "operationId": "cookieBannerScript",
          "tags": [
            "cookies"
          ],
          "summary": "The drop-in cookie banner's script",
          "description": "Include it as the first script in `<head>`, synchronously, with `data-kluis` set to this server's base URL and optionally `data-lang`: it pushes the Consent Mode default (everything denied but `security_storage`) and any stored choice onto the dataLayer before other tags run, then shows the banner from `/v1/cookie-consent/config` and records choices at `/v1/cookie-consent`. Elements with `data-kluis-cookie-settings` re-open the settings; `window.KluisConsent` gives read access to the current choice. Public: answers CORS requests from any origin, without credentials.",
          "security": [],
          "responses": {
            "200": {
              "description": "The script, cacheable for five minutes.",
              "headers": {
                "Cache-Control": {
                  "description": "`public, max-age=300`.",
                  "schema": {
                    "type": "string"
                  }
                }
              },
              "content": {
                "text/javascript": {
                  "schema": {
                    "type": "string"
                  }
                }
              }
            },
            "500": {
              "description": "`internal`, `store.failure`, `store.not_initialised`, `ciphertext.invalid`, `root_key.*`: the server could not complete the request. The detail never contains personal data.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            }
          }
        }
      },
      "/banner/kluis-banner.css": {
        "get": {
          "operationId": "cookieBannerStyle",
          "tags": [
            "cookies"
          ],
          "summary": "The drop-in cookie banner's style",
          "description": "The style sheet of the banner that `/banner/kluis-banner.js` shows. Public: answers CORS requests from any origin, without credentials.",
          "security": [],
          "responses": {
            "200": {
              "description": "The style sheet, cacheable for five minutes.",
              "headers": {
                "Cache-Control": {
                  "description": "`public, max-age=300`.",
                  "schema": {
                    "type": "string"
                  }
                }
              },
              "content": {
                "text/css": {
                  "schema": {
                    "type": "string"
                  }
                }
              }
            },
            "500": {
              "description": "`internal`, `store.failure`, `store.not_initialised`, `ciphertext.invalid`, `root_key.*`: the server could not complete the request. The detail never contains personal data.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            }
          }
        }
      }
    }
    """#

    /// Schemas of consents, receipts and cookie choices.
    static let consentSchemas = #"""
    {
      "ConsentBody": {
        "type": "object",
        "description": "A consent call: decisions about purposes, and how they were collected.",
        "required": [
          "decisions"
        ],
        "properties": {
          "decisions": {
            "type": "object",
            "description": "The decision per purpose id, one per purpose. `given`, `refused`, `withdrawn` and `expired` are for purposes that rest on consent; `objected` and `objection_withdrawn` for direct marketing and purposes that rest on a legitimate interest or public task. Send `given` to renew: Kluis records it as `renewed` when there was an earlier consent.",
            "minProperties": 1,
            "additionalProperties": {
              "type": "string",
              "enum": [
                "given",
                "refused",
                "withdrawn",
                "expired",
                "objected",
                "objection_withdrawn"
              ]
            }
          },
          "method": {
            "type": "string",
            "enum": [
              "web_form",
              "email",
              "phone",
              "paper"
            ],
            "default": "web_form",
            "description": "How the decisions were collected."
          },
          "language": {
            "type": "string",
            "enum": [
              "nl",
              "en"
            ],
            "description": "The language the person was asked in, one the policy is written in; the policy's first when absent."
          },
          "statement_hash": {
            "type": "string",
            "pattern": "^[0-9a-fA-F]{64}$",
            "description": "SHA-256 (hex) of the text the person saw, when the application showed its own text rather than the policy's. Kluis records the hash of its own consent text for the purpose in `language` when absent."
          },
          "birth_date": {
            "type": "string",
            "format": "date",
            "description": "The person's date of birth, YYYY-MM-DD, for the policy's age rule: required when the policy has one and a decision is `given`. Used to work out the age and never stored."
          },
          "guardian": {
            "$ref": "#/components/schemas/Guardian"
          }
        }
      },
      "Guardian": {
        "type": "object",
        "description": "The parent or guardian who consents for a person below the policy's minimum age. Used only when the person is below it.",
        "required": [
          "name",
          "relationship",
          "verification"
        ],
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "description": "The parent's or guardian's name. Sealed under the subject's consent key; the history never shows it, the receipt names them."
          },
          "relationship": {
            "type": "string",
            "enum": [
              "parent",
              "guardian"
            ]
          },
          "verification": {
            "type": "string",
            "enum": [
              "id_document",
              "signed_form",
              "bank_payment",
              "email_confirmation",
              "in_person"
            ],
            "description": "How the controller checked that this person holds parental responsibility: an identity document, a signed form, a payment from their own bank account, a confirmation link sent to their e-mail address, or in person."
          }
        }
      },
      "ConsentRecorded": {
        "type": "object",
        "required": [
          "subject",
          "events",
          "purposes"
        ],
        "properties": {
          "subject": {
            "$ref": "#/components/schemas/SubjectID"
          },
          "events": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ConsentEvent"
            },
            "description": "The events recorded, in order: a `given` may be preceded by an `objection_withdrawn` and is recorded as `renewed` after an earlier consent; with `Sec-GPC: 1`, `objected` events with method `browser_signal` follow."
          },
          "receipt": {
            "type": "string",
            "description": "The consent receipt (the ConsentReceipt schema) signed as a compact JWS with ES256: `header.payload.signature`, each part base64url. Present when consent was given, renewed or withdrawn."
          },
          "receipt_id": {
            "type": "string",
            "pattern": "^rcpt_[a-z2-7]{26}$",
            "description": "The receipt's id, as its events record it. Present with `receipt`."
          },
          "purposes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/PurposeConsent"
            },
            "description": "The state per purpose after the call."
          }
        }
      },
      "ConsentOverview": {
        "type": "object",
        "required": [
          "subject",
          "purposes",
          "history"
        ],
        "properties": {
          "subject": {
            "$ref": "#/components/schemas/SubjectID"
          },
          "purposes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/PurposeConsent"
            },
            "description": "Every purpose that rests on consent or allows objection, in policy order."
          },
          "history": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ConsentEvent"
            },
            "description": "Every event, oldest first."
          }
        }
      },
      "PurposeConsent": {
        "type": "object",
        "description": "Where a person stands on one purpose.",
        "required": [
          "purpose",
          "legal_basis",
          "objected",
          "may_object",
          "permitted"
        ],
        "properties": {
          "purpose": {
            "type": "string",
            "description": "A purpose id of the policy."
          },
          "legal_basis": {
            "type": "string",
            "enum": [
              "consent",
              "contract",
              "legal_obligation",
              "vital_interest",
              "public_task",
              "legitimate_interest"
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "not_asked",
              "given",
              "refused",
              "withdrawn",
              "expired",
              "stale"
            ],
            "description": "For purposes that rest on consent; absent for others. `stale`: given for an earlier description of the purpose, so the person must be asked again."
          },
          "objected": {
            "type": "boolean",
            "description": "Whether an objection is in force."
          },
          "may_object": {
            "type": "boolean",
            "description": "Whether art. 21 lets the person object to the purpose."
          },
          "given_at": {
            "type": "string",
            "format": "date-time",
            "description": "When the consent in force (or the stale one) was given."
          },
          "withdrawn_at": {
            "type": "string",
            "format": "date-time",
            "description": "When consent was withdrawn, while it is."
          },
          "permitted": {
            "type": "boolean",
            "description": "Whether the purpose may use the person's data now, as far as consent and objection go."
          }
        }
      },
      "ConsentEvent": {
        "type": "object",
        "description": "One decision in a person's consent history. Events are only appended.",
        "required": [
          "purpose",
          "kind",
          "time",
          "policy_version",
          "purpose_hash",
          "statement_hash",
          "method",
          "minor",
          "actor"
        ],
        "properties": {
          "purpose": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "given",
              "refused",
              "withdrawn",
              "expired",
              "renewed",
              "objected",
              "objection_withdrawn"
            ]
          },
          "time": {
            "type": "string",
            "format": "date-time"
          },
          "policy_version": {
            "type": "string",
            "description": "The policy version in force when the decision was recorded."
          },
          "purpose_hash": {
            "type": "string",
            "description": "SHA-256 (hex) of the purpose as the policy described it then: its texts, data categories with their fields, recipients and direct-marketing flag. A consent whose hash differs from the purpose's current one is stale."
          },
          "statement_hash": {
            "type": "string",
            "pattern": "^[0-9a-f]{64}$",
            "description": "SHA-256 (hex) of the text shown to the person."
          },
          "method": {
            "type": "string",
            "enum": [
              "web_form",
              "email",
              "phone",
              "paper",
              "browser_signal"
            ],
            "description": "How the decision was collected; `browser_signal` for an objection from `Sec-GPC: 1`."
          },
          "language": {
            "type": "string",
            "enum": [
              "nl",
              "en"
            ]
          },
          "receipt_id": {
            "type": "string",
            "pattern": "^rcpt_[a-z2-7]{26}$",
            "description": "The receipt issued for the decision, if one was."
          },
          "minor": {
            "type": "boolean",
            "description": "Whether the person was below the policy's minimum age, so a parent or guardian decided."
          },
          "guardian_relationship": {
            "type": "string",
            "enum": [
              "parent",
              "guardian"
            ],
            "description": "For a consent by a parent or guardian; their name stays sealed."
          },
          "guardian_verification": {
            "type": "string",
            "enum": [
              "id_document",
              "signed_form",
              "bank_payment",
              "email_confirmation",
              "in_person"
            ]
          },
          "actor": {
            "type": "string",
            "description": "The API key id (`key_…`) or operator that recorded the decision."
          }
        }
      },
      "StaleConsents": {
        "type": "object",
        "required": [
          "purposes"
        ],
        "properties": {
          "purposes": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "purpose",
                "subjects"
              ],
              "properties": {
                "purpose": {
                  "type": "string"
                },
                "subjects": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/SubjectID"
                  },
                  "description": "In id order."
                }
              }
            }
          }
        }
      },
      "ReceiptBody": {
        "type": "object",
        "required": [
          "receipt"
        ],
        "properties": {
          "receipt": {
            "type": "string",
            "description": "The receipt as a consent call returned it: a compact JWS, `header.payload.signature`. Surrounding white space is ignored."
          }
        }
      },
      "ReceiptVerification": {
        "type": "object",
        "required": [
          "valid",
          "current"
        ],
        "properties": {
          "valid": {
            "type": "boolean",
            "description": "Whether Kluis signed the receipt."
          },
          "reason": {
            "type": "string",
            "enum": [
              "malformed",
              "unknown_key",
              "bad_signature"
            ],
            "description": "Why the receipt is not valid. `malformed`: not a compact JWS with ES256, or its payload is not a consent receipt. `unknown_key`: signed with another key than Kluis's. `bad_signature`: the signature does not match."
          },
          "receipt": {
            "$ref": "#/components/schemas/ConsentReceipt",
            "description": "What the receipt says, when it is valid."
          },
          "current": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/PurposeConsent"
            },
            "description": "Where each purpose of the receipt stands now for the person it names; empty when the receipt is not valid or the subject no longer exists."
          }
        }
      },
      "ConsentReceipt": {
        "type": "object",
        "description": "A Kantara Consent Receipt v1.1, the payload of the JWS. Field names are the specification's; Kluis adds the policy version and its hash, per purpose the status, withdrawal time and fingerprints, and a parent's or guardian's consent.",
        "required": [
          "version",
          "jurisdiction",
          "consentTimestamp",
          "collectionMethod",
          "consentReceiptID",
          "language",
          "piiPrincipalId",
          "piiControllers",
          "policyUrl",
          "services",
          "sensitive",
          "spiCat",
          "policyVersion",
          "policyVersionHash"
        ],
        "properties": {
          "version": {
            "type": "string",
            "const": "KI-CR-v1.1.0"
          },
          "jurisdiction": {
            "type": "string",
            "description": "The country of the controller's address; NL when the policy gives none."
          },
          "consentTimestamp": {
            "type": "integer",
            "format": "int64",
            "description": "Seconds since 1970."
          },
          "collectionMethod": {
            "type": "string",
            "enum": [
              "web_form",
              "email",
              "phone",
              "paper"
            ]
          },
          "consentReceiptID": {
            "type": "string",
            "pattern": "^rcpt_[a-z2-7]{26}$"
          },
          "language": {
            "type": "string",
            "enum": [
              "nl",
              "en"
            ]
          },
          "piiPrincipalId": {
            "$ref": "#/components/schemas/SubjectID"
          },
          "piiControllers": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "piiController",
                "onBehalf",
                "contact",
                "address",
                "email",
                "phone",
                "piiControllerUrl"
              ],
              "properties": {
                "piiController": {
                  "type": "string"
                },
                "onBehalf": {
                  "type": "boolean"
                },
                "contact": {
                  "type": "string"
                },
                "address": {
                  "type": "string"
                },
                "email": {
                  "type": "string",
                  "description": "Where the person sends requests."
                },
                "phone": {
                  "type": "string"
                },
                "piiControllerUrl": {
                  "type": "string"
                }
              }
            }
          },
          "policyUrl": {
            "type": "string"
          },
          "services": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "service",
                "purposes"
              ],
              "properties": {
                "service": {
                  "type": "string",
                  "description": "The controller's name."
                },
                "purposes": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "purpose",
                      "purposeCategory",
                      "consentType",
                      "piiCategory",
                      "primaryPurpose",
                      "termination",
                      "thirdPartyDisclosure",
                      "status",
                      "purposeHash",
                      "statementHash"
                    ],
                    "properties": {
                      "purpose": {
                        "type": "string",
                        "description": "The purpose's name in `language`."
                      },
                      "purposeCategory": {
                        "type": "array",
                        "items": {
                          "type": "string"
                        },
                        "description": "The purpose id."
                      },
                      "consentType": {
                        "type": "string",
                        "const": "EXPLICIT"
                      },
                      "piiCategory": {
                        "type": "array",
                        "items": {
                          "type": "string"
                        },
                        "description": "The fideslang data categories of the purpose's data."
                      },
                      "primaryPurpose": {
                        "type": "boolean"
                      },
                      "termination": {
                        "type": "string",
                        "description": "How long the data is kept, in words, in `language`."
                      },
                      "thirdPartyDisclosure": {
                        "type": "boolean"
                      },
                      "thirdPartyName": {
                        "type": "string",
                        "description": "The recipients, comma-separated, when there are any."
                      },
                      "status": {
                        "type": "string",
                        "enum": [
                          "given",
                          "renewed",
                          "withdrawn"
                        ]
                      },
                      "withdrawalTimestamp": {
                        "type": "integer",
                        "format": "int64",
                        "description": "Seconds since 1970, for a withdrawal."
                      },
                      "purposeHash": {
                        "type": "string",
                        "description": "The purpose's fingerprint, as the event records it."
                      },
                      "statementHash": {
                        "type": "string",
                        "pattern": "^[0-9a-f]{64}$",
                        "description": "SHA-256 (hex) of the text shown to the person."
                      }
                    }
                  }
                }
              }
            }
          },
          "sensitive": {
            "type": "boolean",
            "description": "Whether a purpose uses special categories of data."
          },
          "spiCat": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "racial_or_ethnic_origin",
                "political_opinions",
                "religious_or_philosophical_beliefs",
                "trade_union_membership",
                "genetic",
                "biometric",
                "health",
                "sex_life_or_sexual_orientation",
                "criminal"
              ]
            }
          },
          "policyVersion": {
            "type": "string"
          },
          "policyVersionHash": {
            "type": "string",
            "description": "SHA-256 (hex) of the statement published for this policy version, in `language`."
          },
          "parentalConsent": {
            "type": "object",
            "description": "The parent or guardian who consented for a minor.",
            "required": [
              "guardianName",
              "relationship",
              "verification"
            ],
            "properties": {
              "guardianName": {
                "type": "string"
              },
              "relationship": {
                "type": "string",
                "enum": [
                  "parent",
                  "guardian"
                ]
              },
              "verification": {
                "type": "string",
                "enum": [
                  "id_document",
                  "signed_form",
                  "bank_payment",
                  "email_confirmation",
                  "in_person"
                ]
              }
            }
          }
        }
      },
      "JWKSet": {
        "type": "object",
        "description": "A JWK set (RFC 7517).",
        "required": [
          "keys"
        ],
        "properties": {
          "keys": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "kty",
                "crv",
                "use",
                "alg",
                "kid",
                "x",
                "y"
              ],
              "properties": {
                "kty": {
                  "type": "string",
                  "const": "EC"
                },
                "crv": {
                  "type": "string",
                  "const": "P-256"
                },
                "use": {
                  "type": "string",
                  "const": "sig"
                },
                "alg": {
                  "type": "string",
                  "const": "ES256"
                },
                "kid": {
                  "type": "string",
                  "pattern": "^rk_[A-Za-z0-9_-]{16}$",
                  "description": "The key id in a receipt's JWS header."
                },
                "x": {
                  "type": "string",
                  "description": "The public point's x coordinate, base64url."
                },
                "y": {
                  "type": "string",
                  "description": "The public point's y coordinate, base64url."
                }
              }
            }
          }
        }
      },
      "CookieConfiguration": {
        "type": "object",
        "required": [
          "policy_version",
          "language",
          "languages",
          "statement_url",
          "controller",
          "categories"
        ],
        "properties": {
          "policy_version": {
            "type": "string"
          },
          "language": {
            "type": "string",
            "enum": [
              "nl",
              "en"
            ],
            "description": "The language of the texts."
          },
          "languages": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "nl",
                "en"
              ]
            },
            "description": "The languages the policy is written in, its first the default."
          },
          "statement_url": {
            "type": "string",
            "format": "uri",
            "description": "The privacy statement in `language` on this server."
          },
          "controller": {
            "type": "string",
            "description": "The controller's name."
          },
          "categories": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CookieCategory"
            },
            "description": "In policy order."
          }
        }
      },
      "CookieCategory": {
        "type": "object",
        "required": [
          "id",
          "name",
          "required",
          "consent_mode"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "`essential`, `functional`, `statistics`, `marketing` or an id of the policy's own."
          },
          "name": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "required": {
            "type": "boolean",
            "description": "True when the category needs no consent (strictly necessary or exempt): always allowed, not a choice."
          },
          "consent_mode": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "security_storage",
                "functionality_storage",
                "personalization_storage",
                "analytics_storage",
                "ad_storage",
                "ad_user_data",
                "ad_personalization"
              ]
            },
            "description": "The Google Consent Mode v2 types the category grants when allowed."
          }
        }
      },
      "CookieChoiceBody": {
        "type": "object",
        "required": [
          "choices"
        ],
        "properties": {
          "visitor_id": {
            "type": "string",
            "pattern": "^vis_[a-z2-7]{26}$",
            "description": "The visitor's id from an earlier choice; a new one is made when absent."
          },
          "subject_id": {
            "$ref": "#/components/schemas/SubjectID",
            "description": "The person the choice belongs to. Needs an API key in `Authorization: Bearer`."
          },
          "choices": {
            "type": "object",
            "additionalProperties": {
              "type": "boolean"
            },
            "description": "Allowed or not, by cookie category id. Categories that need consent and are not named are refused; a category that needs none cannot be refused."
          },
          "language": {
            "type": "string",
            "enum": [
              "nl",
              "en"
            ],
            "description": "The language the banner was shown in, one the policy is written in."
          }
        }
      },
      "CookieChoiceAnswer": {
        "type": "object",
        "required": [
          "visitor_id",
          "policy_version",
          "recorded_at",
          "expires_at",
          "gpc",
          "choices",
          "consent_mode"
        ],
        "properties": {
          "visitor_id": {
            "type": "string",
            "pattern": "^vis_[a-z2-7]{26}$"
          },
          "policy_version": {
            "type": "string"
          },
          "recorded_at": {
            "type": "string",
            "format": "date-time"
          },
          "expires_at": {
            "type": "string",
            "format": "date-time",
            "description": "When the banner asks again: a year after the choice."
          },
          "gpc": {
            "type": "boolean",
            "description": "Whether the browser sent `Sec-GPC: 1`."
          },
          "choices": {
            "type": "object",
            "additionalProperties": {
              "type": "boolean"
            },
            "description": "Every cookie category of the policy, allowed or not, as recorded."
          },
          "consent_mode": {
            "$ref": "#/components/schemas/ConsentMode"
          }
        }
      },
      "ConsentMode": {
        "type": "object",
        "description": "Google Consent Mode v2 signals: a type is granted when an allowed category grants it; `security_storage` is always granted, as strictly necessary storage needs no consent.",
        "required": [
          "security_storage",
          "functionality_storage",
          "personalization_storage",
          "analytics_storage",
          "ad_storage",
          "ad_user_data",
          "ad_personalization"
        ],
        "properties": {
          "security_storage": {
            "type": "string",
            "enum": [
              "granted",
              "denied"
            ]
          },
          "functionality_storage": {
            "type": "string",
            "enum": [
              "granted",
              "denied"
            ]
          },
          "personalization_storage": {
            "type": "string",
            "enum": [
              "granted",
              "denied"
            ]
          },
          "analytics_storage": {
            "type": "string",
            "enum": [
              "granted",
              "denied"
            ]
          },
          "ad_storage": {
            "type": "string",
            "enum": [
              "granted",
              "denied"
            ]
          },
          "ad_user_data": {
            "type": "string",
            "enum": [
              "granted",
              "denied"
            ]
          },
          "ad_personalization": {
            "type": "string",
            "enum": [
              "granted",
              "denied"
            ]
          }
        },
        "additionalProperties": false
      }
    }
    """#
}
