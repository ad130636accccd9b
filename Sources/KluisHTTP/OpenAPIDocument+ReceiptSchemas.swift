extension OpenAPIDocument {
    /// Schemas of consent receipts: the Kantara receipt, its check and the signing key.
    static let receiptSchemas = #"""
    {
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
      }
    }
    """#
}
