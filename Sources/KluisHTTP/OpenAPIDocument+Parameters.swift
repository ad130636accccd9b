extension OpenAPIDocument {
    /// Security schemes, shared parameters, and the problem responses many routes share.
    static let sharedComponents = #"""
    {
      "securitySchemes": {
        "bearerAuth": {
          "type": "http",
          "scheme": "bearer",
          "bearerFormat": "kluis_key_<id>_<secret>",
          "description": "An API key from `kluis init` (the first admin key) or `kluis apikey create`."
        }
      },
      "parameters": {
        "SubjectId": {
          "name": "id",
          "in": "path",
          "required": true,
          "description": "The subject id. A value that is not a subject id is answered with 404 `subject.not_found`.",
          "schema": {
            "$ref": "#/components/schemas/SubjectID"
          }
        },
        "RequestId": {
          "name": "request",
          "in": "path",
          "required": true,
          "description": "The request id. A value that is not a request id is answered with 404 `request.not_found`.",
          "schema": {
            "$ref": "#/components/schemas/RequestID"
          }
        },
        "Category": {
          "name": "category",
          "in": "path",
          "required": true,
          "description": "A category id of the policy.",
          "schema": {
            "type": "string"
          }
        },
        "PurposeQuery": {
          "name": "purpose",
          "in": "query",
          "required": false,
          "description": "The purpose id of the read. Takes precedence over the `Kluis-Purpose` header; one of the two is required.",
          "schema": {
            "type": "string"
          }
        },
        "PurposeHeader": {
          "name": "Kluis-Purpose",
          "in": "header",
          "required": false,
          "description": "The purpose id of the read, when the `purpose` query parameter is absent.",
          "schema": {
            "type": "string"
          }
        },
        "BreakGlassReason": {
          "name": "Kluis-Break-Glass-Reason",
          "in": "header",
          "required": false,
          "description": "Why a key reads for a purpose it is not bound to. Required for such a read, recorded in the audit log, and ignored when the key is bound to the purpose. Must not contain personal data.",
          "schema": {
            "type": "string"
          }
        },
        "After": {
          "name": "after",
          "in": "query",
          "required": false,
          "description": "Return events with a sequence greater than this; 0 when absent or not a number.",
          "schema": {
            "type": "integer",
            "format": "int64",
            "default": 0
          }
        },
        "Limit": {
          "name": "limit",
          "in": "query",
          "required": false,
          "description": "The most events to return, clamped to 1...1000; 100 when absent or not a number.",
          "schema": {
            "type": "integer",
            "default": 100,
            "minimum": 1,
            "maximum": 1000
          }
        },
        "SubjectFilter": {
          "name": "subject",
          "in": "query",
          "required": false,
          "description": "Only events about this subject.",
          "schema": {
            "$ref": "#/components/schemas/SubjectID"
          }
        },
        "Lang": {
          "name": "lang",
          "in": "query",
          "required": false,
          "description": "The language of the statement. A language the policy does not publish falls back to the policy's first language.",
          "schema": {
            "type": "string",
            "enum": [
              "nl",
              "en"
            ]
          }
        }
      },
      "responses": {
        "Unauthorised": {
          "description": "`auth.unauthorised`: the `Authorization: Bearer` header is missing, malformed or names no valid API key.",
          "content": {
            "application/problem+json": {
              "schema": {
                "$ref": "#/components/schemas/Problem"
              }
            }
          }
        },
        "AdminOnly": {
          "description": "`auth.forbidden`: this needs an admin key.",
          "content": {
            "application/problem+json": {
              "schema": {
                "$ref": "#/components/schemas/Problem"
              }
            }
          }
        },
        "SubjectNotFound": {
          "description": "`subject.not_found`: the path names no subject.",
          "content": {
            "application/problem+json": {
              "schema": {
                "$ref": "#/components/schemas/Problem"
              }
            }
          }
        },
        "RequestNotFound": {
          "description": "`request.not_found`: the path names no request.",
          "content": {
            "application/problem+json": {
              "schema": {
                "$ref": "#/components/schemas/Problem"
              }
            }
          }
        },
        "TooLarge": {
          "description": "`request.too_large`: the request body is larger than 1 MiB.",
          "content": {
            "application/problem+json": {
              "schema": {
                "$ref": "#/components/schemas/Problem"
              }
            }
          }
        },
        "Internal": {
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
    """#
}
