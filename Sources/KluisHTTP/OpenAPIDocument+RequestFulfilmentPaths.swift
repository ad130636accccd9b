extension OpenAPIDocument {
    /// Paths that fulfil a request and export its access or portability package.
    static let requestFulfilmentPaths = #"""
    {
      "/v1/requests/{request}/fulfil": {
        "parameters": [
          {
            "$ref": "#/components/parameters/RequestId"
          }
        ],
        "post": {
          "operationId": "fulfilRequest",
          "tags": [
            "requests"
          ],
          "summary": "Fulfil a request (admin)",
          "description": "Does what the request asks and closes it as `fulfilled`, in one transaction. Rectification writes `corrections`. Erasure destroys the person's data keys and deletes their records, identifiers and consent history, keeps only what a legal obligation requires (restricted to that purpose), and answers with a signed certificate. Restriction marks the data so that only the purposes it allows may use it. Objection and withdrawal record consent events, which take effect on the next read. Access and portability are closed once their package was exported (`export`). Rectification, erasure and restriction list the recipients to tell (art. 19). Needs a verified identity, except an access or portability request that matches no subject, which is closed as having no data held. Audited.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "requestBody": {
            "required": true,
            "description": "What fulfilment needs: `{}` for every type but rectification. At most 1 MiB.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/FulfilBody"
                }
              }
            }
          },
          "responses": {
            "200": {
              "description": "What fulfilment did.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/FulfilmentAnswer"
                  }
                }
              }
            },
            "400": {
              "description": "`request.invalid` (the body is not valid JSON or has a field of the wrong type), `category.unknown`, `field.unknown`, `input.invalid` (a correction without fields, a value over 64 KiB, a malformed `record_id`).",
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
              "$ref": "#/components/responses/AdminOnly"
            },
            "404": {
              "description": "`request.not_found` (the path names no request), `subject.not_found` (the request's subject no longer exists), `record.not_found` (a correction's `record_id` names no record of the subject in the category).",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "409": {
              "description": "`request.state_invalid`: the request is not `in_progress` or `extended`.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "413": {
              "$ref": "#/components/responses/TooLarge"
            },
            "422": {
              "description": "`request.identity_unverified` (the requester's identity is not verified yet), `request.invalid` (`corrections` for a type other than rectification, a rectification without them, a correction of a category with many records per person that names no `record_id`, or a request that matches no subject and is not for access or portability: reject it instead), `consent.not_applicable` (an objection or withdrawal of a purpose that allows none).",
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
      "/v1/requests/{request}/export": {
        "parameters": [
          {
            "$ref": "#/components/parameters/RequestId"
          }
        ],
        "get": {
          "operationId": "exportRequestPackage",
          "tags": [
            "requests"
          ],
          "summary": "The access or portability package (admin)",
          "description": "For an access request (art. 15): a copy of the person's data from every category the vault holds, with every fact the article requires (the purposes listed are those that apply to the person, with since when and why), as JSON or as a readable HTML page to give them. For a portability request (art. 20): the data they provided or that was observed of them, of the categories used by a consent or contract purpose that applies to them, as JSON (`kluis.portability.v1`) or CSV. Needs a verified identity: available while the request is `in_progress`, `extended` or `fulfilled`. Fulfil the request afterwards to close it. Every export is audited.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "parameters": [
            {
              "name": "format",
              "in": "query",
              "required": false,
              "description": "`json` or `html` for an access request, `json` or `csv` for a portability request.",
              "schema": {
                "type": "string",
                "enum": [
                  "json",
                  "html",
                  "csv"
                ],
                "default": "json"
              }
            },
            {
              "name": "lang",
              "in": "query",
              "required": false,
              "description": "The language of the access package's names and texts; the policy's first language when absent. The portability package has no texts.",
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
              "description": "The package: JSON, an HTML page (`format=html`), or CSV with a header row and one row per field (`format=csv`).",
              "content": {
                "application/json": {
                  "schema": {
                    "oneOf": [
                      {
                        "$ref": "#/components/schemas/AccessPackage"
                      },
                      {
                        "$ref": "#/components/schemas/PortabilityPackage"
                      }
                    ]
                  }
                },
                "text/html": {
                  "schema": {
                    "type": "string"
                  }
                },
                "text/csv": {
                  "schema": {
                    "type": "string"
                  }
                }
              }
            },
            "400": {
              "description": "`input.invalid`: a `format` the request's package does not come in, or a `lang` other than `nl` or `en`.",
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
              "$ref": "#/components/responses/AdminOnly"
            },
            "404": {
              "description": "`request.not_found` (the path names no request), `subject.not_found` (the request matches no subject, so no data is held, or the subject no longer exists).",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "409": {
              "description": "`request.state_invalid`: the request is `received`, `awaiting_identification` or `rejected`.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "422": {
              "description": "`request.invalid` (the request is not for access or portability), `request.identity_unverified` (no identity check is recorded).",
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
      }
    }
    """#
}
