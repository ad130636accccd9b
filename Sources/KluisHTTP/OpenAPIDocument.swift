/// The OpenAPI 3.1 document served at /openapi.json. A test holds it against the registered routes.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Kluis vault API",
        "version": "1.0.0",
        "summary": "Store personal data encrypted per person and read it back only for a declared purpose.",
        "description": "Application keys are bound to purposes; reads name a purpose and get only the categories that purpose may see. Identifiers are looked up with POST so that no personal data appears in a URL. Errors are RFC 9457 problem details with a stable `code`. Field names are snake_case and times ISO 8601."
      },
      "servers": [
        {
          "url": "http://127.0.0.1:8080",
          "description": "`kluis serve` with its defaults"
        }
      ],
      "tags": [
        {
          "name": "subjects",
          "description": "People: create, find, read for a purpose."
        },
        {
          "name": "records",
          "description": "Writing records and lifecycle events."
        },
        {
          "name": "audit",
          "description": "The hash-chained audit log (admin keys)."
        },
        {
          "name": "public",
          "description": "Public pages."
        },
        {
          "name": "operations",
          "description": "Health, metrics and this document."
        }
      ],
      "paths": {
        "/v1/subjects": {
          "post": {
            "operationId": "createSubject",
            "tags": [
              "subjects"
            ],
            "summary": "Create a subject (a person) with identifiers and first records",
            "description": "Adds one person with up to one identifier of each kind and their first records, in one transaction. Each record is checked against the policy and the key's purposes as a write is. Returns the new opaque subject id.",
            "security": [
              {
                "bearerAuth": []
              }
            ],
            "requestBody": {
              "required": true,
              "description": "The person's identifiers and first records. At most 1 MiB.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/SubjectDocument"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The subject was created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Created"
                    }
                  }
                }
              },
              "400": {
                "description": "`request.invalid` (the body is not valid JSON or has a field of the wrong type), `identifier.invalid` (an unknown identifier kind or a malformed value), `category.unknown`, `field.unknown`, `input.invalid` (a record without fields, a value over 64 KiB, a malformed `record_id`).",
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
                "description": "`purpose.not_allowed`: the key is bound to no purpose that uses a category of the records (admin keys may write every category).",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "404": {
                "description": "`record.not_found`: a record names a `record_id`; a new subject has no records to correct.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "409": {
                "description": "`identifier.in_use`: another subject already has one of these identifiers.",
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
        "/v1/subjects/batch": {
          "post": {
            "operationId": "createSubjects",
            "tags": [
              "subjects"
            ],
            "summary": "Create many subjects in one transaction (imports)",
            "description": "Creates 1 to 10,000 subjects, all or none. The ids come back in the order of the request.",
            "security": [
              {
                "bearerAuth": []
              }
            ],
            "requestBody": {
              "required": true,
              "description": "1 to 10,000 subjects. At most 64 MiB.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/BatchBody"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Every subject was created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/CreatedMany"
                    }
                  }
                }
              },
              "400": {
                "description": "`request.invalid`, `input.invalid` (an empty batch or more than 10,000 subjects, a record without fields, a value over 64 KiB, a malformed `record_id`), `identifier.invalid`, `category.unknown`, `field.unknown`.",
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
                "description": "`purpose.not_allowed`: the key is bound to no purpose that uses a category of the records.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "404": {
                "description": "`record.not_found`: a record names a `record_id`; a new subject has no records to correct.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "409": {
                "description": "`identifier.in_use`: an identifier belongs to an existing subject, or is given for two subjects of the batch.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "413": {
                "description": "`request.too_large`: the request body is larger than 64 MiB.",
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
        "/v1/subjects/lookup": {
          "post": {
            "operationId": "lookupSubject",
            "tags": [
              "subjects"
            ],
            "summary": "Find a subject by identifier",
            "description": "Finds a person through the blind index of a normalised identifier (e-mail addresses are compared case-insensitively, Dutch phone numbers in E.164). A POST, so that the identifier travels in the body and never in a URL or an access log. Every lookup is audited.",
            "security": [
              {
                "bearerAuth": []
              }
            ],
            "requestBody": {
              "required": true,
              "description": "The identifier to look for. At most 1 MiB.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/LookupBody"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The subject with this identifier.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Created"
                    }
                  }
                }
              },
              "400": {
                "description": "`request.invalid`, `identifier.invalid` (an unknown kind or a malformed value).",
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
                "description": "`subject.not_found`: no subject has this identifier.",
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
        "/v1/subjects/{id}": {
          "parameters": [
            {
              "$ref": "#/components/parameters/SubjectId"
            }
          ],
          "get": {
            "operationId": "readSubject",
            "tags": [
              "subjects"
            ],
            "summary": "Read a subject for a purpose",
            "description": "Returns the records the purpose may see and names every other category the subject has records in, with the reason it is withheld. The purpose comes from the `purpose` query parameter or, when that is absent, the `Kluis-Purpose` header; one of them is required. A key not bound to the purpose reads only by breaking glass: it must be allowed to, and must give a reason in `Kluis-Break-Glass-Reason`. Every read and refusal is audited.",
            "security": [
              {
                "bearerAuth": []
              }
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/PurposeQuery"
              },
              {
                "$ref": "#/components/parameters/PurposeHeader"
              },
              {
                "$ref": "#/components/parameters/BreakGlassReason"
              }
            ],
            "responses": {
              "200": {
                "description": "What the purpose may see.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ReadAnswer"
                    }
                  }
                }
              },
              "400": {
                "description": "`purpose.unknown`: no purpose is named, or it is not a purpose of the policy.",
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
                "description": "`purpose.not_allowed` (the key is not bound to the purpose and gave no break-glass reason), `break_glass.not_allowed` (a reason was given but the key may not break glass).",
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
          }
        },
        "/v1/subjects/{id}/{category}": {
          "parameters": [
            {
              "$ref": "#/components/parameters/SubjectId"
            },
            {
              "$ref": "#/components/parameters/Category"
            }
          ],
          "put": {
            "operationId": "writeRecord",
            "tags": [
              "records"
            ],
            "summary": "Write or correct a record",
            "description": "In a category with one record per person, replaces that record (creating it the first time); a `record_id`, if given, must be the existing record's id. In a category with many records, adds a new record, or, with `record_id`, replaces that record. A replacement stores exactly the fields given: fields left out are removed. Returns the record id.",
            "security": [
              {
                "bearerAuth": []
              }
            ],
            "requestBody": {
              "required": true,
              "description": "The record's fields, and for a correction the record it replaces. At most 1 MiB.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/FieldsBody"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The record was written.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Written"
                    }
                  }
                }
              },
              "400": {
                "description": "`request.invalid`, `category.unknown`, `field.unknown`, `input.invalid` (no fields, a value over 64 KiB, a malformed `record_id`).",
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
                "description": "`purpose.not_allowed`: the key is bound to no purpose that uses the category.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "404": {
                "description": "`subject.not_found` (the path names no subject), `record.not_found` (`record_id` names no record of the subject in the category).",
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
        "/v1/subjects/{id}/events": {
          "parameters": [
            {
              "$ref": "#/components/parameters/SubjectId"
            }
          ],
          "post": {
            "operationId": "recordEvent",
            "tags": [
              "records"
            ],
            "summary": "Record a lifecycle event",
            "description": "Records an event that starts or stops retention clocks: `last_contact`, `contract_end`, `consent_withdrawn`, `account_closed`, a hold id or the event that releases it, or an event anchor named in the policy. Recording the same event again moves its time.",
            "security": [
              {
                "bearerAuth": []
              }
            ],
            "requestBody": {
              "required": true,
              "description": "The event and when it happened. At most 1 MiB.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/EventBody"
                  }
                }
              }
            },
            "responses": {
              "204": {
                "description": "The event was recorded."
              },
              "400": {
                "description": "`request.invalid` (including an `at` that is not an ISO 8601 date-time), `event.invalid` (not an event of this policy).",
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
        "/v1/subjects/{id}/access-history": {
          "parameters": [
            {
              "$ref": "#/components/parameters/SubjectId"
            }
          ],
          "get": {
            "operationId": "accessHistory",
            "tags": [
              "audit"
            ],
            "summary": "The audit events of one subject (admin)",
            "description": "Audit events about this subject, oldest first, a page at a time: pass the last `sequence` seen as `after` for the next page. A well-formed id of an unknown subject gives an empty page.",
            "security": [
              {
                "bearerAuth": []
              }
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/After"
              },
              {
                "$ref": "#/components/parameters/Limit"
              }
            ],
            "responses": {
              "200": {
                "description": "A page of audit events.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/AuditPage"
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
                "description": "`auth.forbidden`: this needs an admin key.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "404": {
                "description": "`subject.not_found`: the path is not a subject id.",
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
        "/v1/audit": {
          "get": {
            "operationId": "auditEvents",
            "tags": [
              "audit"
            ],
            "summary": "Audit events (admin)",
            "description": "Audit events, oldest first, a page at a time, of one subject when `subject` is given.",
            "security": [
              {
                "bearerAuth": []
              }
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/After"
              },
              {
                "$ref": "#/components/parameters/Limit"
              },
              {
                "$ref": "#/components/parameters/SubjectFilter"
              }
            ],
            "responses": {
              "200": {
                "description": "A page of audit events.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/AuditPage"
                    }
                  }
                }
              },
              "400": {
                "description": "`input.invalid`: `subject` is not a subject id.",
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
                "description": "`auth.forbidden`: this needs an admin key.",
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
        "/v1/audit/verify": {
          "get": {
            "operationId": "verifyAudit",
            "tags": [
              "audit"
            ],
            "summary": "Verify the audit chain (admin)",
            "description": "Recomputes the whole hash chain and names the first broken event.",
            "security": [
              {
                "bearerAuth": []
              }
            ],
            "responses": {
              "200": {
                "description": "The result of the verification. A broken chain is a 200 with `intact: false`.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Verification"
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
                "description": "`auth.forbidden`: this needs an admin key.",
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
        "/privacy": {
          "get": {
            "operationId": "privacyStatement",
            "tags": [
              "public"
            ],
            "summary": "The privacy statement",
            "description": "The privacy statement rendered from the policy, as HTML. Public.",
            "security": [],
            "parameters": [
              {
                "$ref": "#/components/parameters/Lang"
              }
            ],
            "responses": {
              "200": {
                "description": "The statement.",
                "content": {
                  "text/html": {
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
        "/healthz": {
          "get": {
            "operationId": "health",
            "tags": [
              "operations"
            ],
            "summary": "Liveness",
            "description": "Answers while the server runs. Public.",
            "security": [],
            "responses": {
              "200": {
                "description": "The server is up.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Health"
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
        "/metrics": {
          "get": {
            "operationId": "metrics",
            "tags": [
              "operations"
            ],
            "summary": "Prometheus metrics",
            "description": "`kluis_http_requests_total` (labels `route`, `method`, `status`) and `kluis_http_request_duration_seconds` (labels `route`, `method`). The `route` label is the route template, such as `/v1/subjects/{id}`, never the raw path. Public.",
            "security": [],
            "responses": {
              "200": {
                "description": "The Prometheus text exposition format 0.0.4.",
                "content": {
                  "text/plain": {
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
        "/openapi.json": {
          "get": {
            "operationId": "openAPIDocument",
            "tags": [
              "operations"
            ],
            "summary": "This OpenAPI document",
            "security": [],
            "responses": {
              "200": {
                "description": "The OpenAPI 3.1 document of this API.",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object"
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
      },
      "components": {
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
        "schemas": {
          "SubjectID": {
            "type": "string",
            "pattern": "^sub_[a-z2-7]{26}$",
            "description": "The opaque id of a person: `sub_` and 26 characters of lower-case base32. Random and meaningless, safe in URLs and logs.",
            "examples": [
              "sub_k3q7x2m4pa5vtn6wy2bc7dhe4f"
            ]
          },
          "RecordID": {
            "type": "string",
            "pattern": "^rec_[a-z2-7]{26}$",
            "description": "The opaque id of a record: `rec_` and 26 characters of lower-case base32.",
            "examples": [
              "rec_m2vq7d4kx6pa3tn5wy2bc7he4f"
            ]
          },
          "IdentifierKind": {
            "type": "string",
            "enum": [
              "email",
              "phone",
              "customer_number",
              "external_id"
            ]
          },
          "Identifiers": {
            "type": "object",
            "description": "At most one identifier of each kind, keyed by kind. Values are trimmed; e-mail addresses are compared in lower case and phone numbers in E.164 (`06 1234 5678` and `+31 6 12345678` are the same). An unknown kind is refused with `identifier.invalid`.",
            "properties": {
              "email": {
                "type": "string",
                "minLength": 1,
                "maxLength": 320
              },
              "phone": {
                "type": "string",
                "minLength": 1,
                "maxLength": 320
              },
              "customer_number": {
                "type": "string",
                "minLength": 1,
                "maxLength": 320
              },
              "external_id": {
                "type": "string",
                "minLength": 1,
                "maxLength": 320
              }
            },
            "additionalProperties": false
          },
          "Fields": {
            "type": "object",
            "description": "Field name to value. The names are the `fields` of the category in the policy; each value is at most 64 KiB (UTF-8).",
            "minProperties": 1,
            "additionalProperties": {
              "type": "string"
            }
          },
          "RecordDocument": {
            "type": "object",
            "description": "A first record of a new subject.",
            "required": [
              "category",
              "fields"
            ],
            "properties": {
              "category": {
                "type": "string",
                "description": "A category id of the policy."
              },
              "record_id": {
                "$ref": "#/components/schemas/RecordID"
              },
              "fields": {
                "$ref": "#/components/schemas/Fields"
              }
            }
          },
          "SubjectDocument": {
            "type": "object",
            "properties": {
              "identifiers": {
                "$ref": "#/components/schemas/Identifiers"
              },
              "records": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/RecordDocument"
                }
              }
            }
          },
          "BatchBody": {
            "type": "object",
            "required": [
              "subjects"
            ],
            "properties": {
              "subjects": {
                "type": "array",
                "minItems": 1,
                "maxItems": 10000,
                "items": {
                  "$ref": "#/components/schemas/SubjectDocument"
                }
              }
            }
          },
          "LookupBody": {
            "type": "object",
            "required": [
              "kind",
              "value"
            ],
            "properties": {
              "kind": {
                "$ref": "#/components/schemas/IdentifierKind"
              },
              "value": {
                "type": "string",
                "minLength": 1,
                "maxLength": 320
              }
            }
          },
          "FieldsBody": {
            "type": "object",
            "required": [
              "fields"
            ],
            "properties": {
              "record_id": {
                "$ref": "#/components/schemas/RecordID",
                "description": "The record to correct; it must be an existing record of the subject in the category."
              },
              "fields": {
                "$ref": "#/components/schemas/Fields"
              }
            }
          },
          "EventBody": {
            "type": "object",
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "type": "string",
                "description": "A lifecycle event of the policy.",
                "examples": [
                  "last_contact"
                ]
              },
              "at": {
                "type": "string",
                "format": "date-time",
                "description": "When it happened, ISO 8601 without fractional seconds (`2025-03-31T09:00:00Z`); now when absent."
              }
            }
          },
          "Created": {
            "type": "object",
            "required": [
              "id"
            ],
            "properties": {
              "id": {
                "$ref": "#/components/schemas/SubjectID"
              }
            }
          },
          "CreatedMany": {
            "type": "object",
            "required": [
              "ids"
            ],
            "properties": {
              "ids": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/SubjectID"
                },
                "description": "In the order of the request."
              }
            }
          },
          "Written": {
            "type": "object",
            "required": [
              "record_id"
            ],
            "properties": {
              "record_id": {
                "$ref": "#/components/schemas/RecordID"
              }
            }
          },
          "ReadAnswer": {
            "type": "object",
            "required": [
              "id",
              "purpose",
              "break_glass",
              "categories",
              "withheld"
            ],
            "properties": {
              "id": {
                "$ref": "#/components/schemas/SubjectID"
              },
              "purpose": {
                "type": "string",
                "description": "The purpose the read was for."
              },
              "break_glass": {
                "type": "boolean",
                "description": "True when the key is not bound to the purpose and read with a break-glass reason."
              },
              "categories": {
                "type": "object",
                "description": "The released records, by category id.",
                "additionalProperties": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/RecordAnswer"
                  }
                }
              },
              "withheld": {
                "type": "array",
                "description": "Every category the subject has records in that is not released, with the reason; sorted by category.",
                "items": {
                  "$ref": "#/components/schemas/Withheld"
                }
              }
            }
          },
          "RecordAnswer": {
            "type": "object",
            "required": [
              "id",
              "fields",
              "created_at",
              "updated_at"
            ],
            "properties": {
              "id": {
                "$ref": "#/components/schemas/RecordID"
              },
              "fields": {
                "type": "object",
                "additionalProperties": {
                  "type": "string"
                }
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "Withheld": {
            "type": "object",
            "required": [
              "category",
              "reason"
            ],
            "properties": {
              "category": {
                "type": "string"
              },
              "reason": {
                "type": "string",
                "enum": [
                  "outside_purpose",
                  "retention_expired"
                ],
                "description": "`outside_purpose`: the purpose does not use the category. `retention_expired`: every record of the category is past its retention for this purpose."
              }
            }
          },
          "AuditPage": {
            "type": "object",
            "required": [
              "events"
            ],
            "properties": {
              "events": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/AuditEventAnswer"
                }
              }
            }
          },
          "AuditEventAnswer": {
            "type": "object",
            "required": [
              "sequence",
              "time",
              "actor",
              "action",
              "categories",
              "outcome",
              "break_glass",
              "hash"
            ],
            "properties": {
              "sequence": {
                "type": "integer",
                "format": "int64",
                "minimum": 1
              },
              "time": {
                "type": "string",
                "format": "date-time"
              },
              "actor": {
                "type": "string",
                "description": "The API key id (`key_…`) or `cli`."
              },
              "action": {
                "type": "string",
                "enum": [
                  "create_subject",
                  "lookup",
                  "write",
                  "read",
                  "event",
                  "export",
                  "erasure",
                  "key_rotation",
                  "api_key_created",
                  "initialise"
                ]
              },
              "subject": {
                "$ref": "#/components/schemas/SubjectID"
              },
              "categories": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "The categories involved; for a lookup the identifier kind, for a key creation its purposes."
              },
              "purpose": {
                "type": "string"
              },
              "reason": {
                "type": "string",
                "description": "The break-glass reason, the event name, or the key id."
              },
              "outcome": {
                "type": "string",
                "enum": [
                  "allowed",
                  "partial",
                  "denied",
                  "not_found"
                ]
              },
              "break_glass": {
                "type": "boolean"
              },
              "hash": {
                "type": "string",
                "pattern": "^[0-9a-f]{64}$",
                "description": "SHA-256 of the event chained to the previous one, hex."
              }
            }
          },
          "Verification": {
            "type": "object",
            "required": [
              "intact",
              "checked"
            ],
            "properties": {
              "intact": {
                "type": "boolean"
              },
              "checked": {
                "type": "integer",
                "format": "int64",
                "description": "How many events were checked."
              },
              "first_broken": {
                "type": "integer",
                "format": "int64",
                "description": "The sequence of the first broken event, when the chain is broken."
              },
              "problem": {
                "type": "string",
                "description": "What is wrong with it."
              }
            }
          },
          "Health": {
            "type": "object",
            "required": [
              "status"
            ],
            "properties": {
              "status": {
                "type": "string",
                "const": "ok"
              }
            }
          },
          "Problem": {
            "type": "object",
            "description": "RFC 9457 problem details, served as `application/problem+json`. Branch on `code`, which is stable; the detail is for people and never contains personal data.",
            "required": [
              "type",
              "title",
              "status",
              "code",
              "detail"
            ],
            "properties": {
              "type": {
                "type": "string",
                "format": "uri",
                "description": "`https://kluis.example/problems/` followed by the code.",
                "examples": [
                  "https://kluis.example/problems/subject.not_found"
                ]
              },
              "title": {
                "type": "string",
                "description": "The HTTP reason phrase.",
                "examples": [
                  "Not Found"
                ]
              },
              "status": {
                "type": "integer",
                "minimum": 400,
                "maximum": 599
              },
              "code": {
                "type": "string",
                "enum": [
                  "auth.unauthorised",
                  "auth.forbidden",
                  "subject.not_found",
                  "record.not_found",
                  "identifier.in_use",
                  "identifier.invalid",
                  "category.unknown",
                  "field.unknown",
                  "purpose.unknown",
                  "purpose.not_allowed",
                  "break_glass.reason_required",
                  "break_glass.not_allowed",
                  "event.invalid",
                  "input.invalid",
                  "ciphertext.invalid",
                  "root_key.missing",
                  "root_key.malformed",
                  "root_key.wrong",
                  "store.not_initialised",
                  "store.failure",
                  "request.invalid",
                  "request.too_large",
                  "route.not_found",
                  "internal"
                ]
              },
              "detail": {
                "type": "string"
              }
            }
          }
        }
      }
    }
    """#
}
