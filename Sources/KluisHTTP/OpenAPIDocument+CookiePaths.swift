extension OpenAPIDocument {
    /// Paths of cookie choices and the drop-in cookie banner.
    static let cookiePaths = #"""
    {
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
              "$ref": "#/components/responses/Internal"
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
              "$ref": "#/components/responses/Internal"
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
              "$ref": "#/components/responses/Internal"
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
              "$ref": "#/components/responses/Internal"
            }
          }
        }
      }
    }
    """#
}
