extension OpenAPIDocument {
    /// Paths of the audit log, the statement and the service itself.
    static let servicePaths = #"""
    {
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
              "$ref": "#/components/responses/Unauthorised"
            },
            "403": {
              "$ref": "#/components/responses/AdminOnly"
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
              "$ref": "#/components/responses/Internal"
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
              "$ref": "#/components/responses/Unauthorised"
            },
            "403": {
              "$ref": "#/components/responses/AdminOnly"
            },
            "500": {
              "$ref": "#/components/responses/Internal"
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
              "$ref": "#/components/responses/Unauthorised"
            },
            "403": {
              "$ref": "#/components/responses/AdminOnly"
            },
            "500": {
              "$ref": "#/components/responses/Internal"
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
              "$ref": "#/components/responses/Internal"
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
              "$ref": "#/components/responses/Internal"
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
              "$ref": "#/components/responses/Internal"
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
              "$ref": "#/components/responses/Internal"
            }
          }
        }
      }
    }
    """#
}
