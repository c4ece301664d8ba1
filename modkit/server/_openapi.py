"""The OpenAPI 3.1 document served at ``/openapi.json`` (written by hand: it is the contract)."""

from __future__ import annotations

from typing import Any

from modkit._version import __version__

__all__ = ["openapi_document"]

_JSON = "application/json"
_FORM = "application/x-www-form-urlencoded"
_TEXT = "text/plain"

_STR = {"type": "string"}
_NSTR = {"type": ["string", "null"]}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {_JSON: {"schema": schema}}}


def _text(description: str, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"description": description, "content": {_TEXT: {"schema": _STR}}}
    if headers:
        out["headers"] = headers
    return out


def _errors(*statuses: int) -> dict[str, Any]:
    text = {
        400: "Invalid request (see error.code)",
        401: "Missing or unknown API key",
        404: "Not found",
        413: "Request body too large",
        415: "Content-Type not accepted",
        429: "Rate limit exceeded for this key, or too many failed authentications from this"
        " address (see Retry-After)",
        503: "Model or store unavailable",
    }
    return {str(s): _json(_ref("Error"), text[s]) for s in statuses}


def _plain_errors(*statuses: int) -> dict[str, Any]:
    text = {
        400: "Malformed request",
        413: "Request body too large",
        415: "Content-Type must be application/x-www-form-urlencoded",
        429: "Rate limit exceeded for this key, or too many failed authentications",
        503: "Model or store unavailable",
    }
    return {str(s): _text(text[s]) for s in statuses}


def _google_errors(*statuses: int) -> dict[str, Any]:
    return {str(s): _json(_ref("GoogleError"), "Error in Google's format") for s in statuses}


_SUBMISSION = {
    "type": "object",
    "description": "A comment form. Unknown keys are ignored; the email and IP are never echoed.",
    "required": ["name", "email", "text"],
    "properties": {
        "name": {"type": "string", "maxLength": 245},
        "email": {"type": "string", "maxLength": 100, "description": "Private; never published."},
        "text": {"type": "string", "maxLength": 65525},
        "url": {"type": "string", "maxLength": 200},
        "ip": {"type": "string", "description": "Private; never published."},
        "user_agent": _STR,
        "referrer": _STR,
        "permalink": _STR,
        "post_id": {"type": "string", "maxLength": 64},
        "parent_id": {"type": "string", "maxLength": 64},
        "submitted_at": {"type": "string", "description": "ISO 8601"},
        "form_rendered_at": {"type": "string", "description": "ISO 8601"},
        "post_published_at": {"type": "string", "description": "ISO 8601"},
        "honeypot": _STR,
        "lang": {"type": "string", "enum": ["fr", "en"]},
    },
}

_REASON = {
    "type": "object",
    "required": ["code", "message", "action", "evidence"],
    "properties": {
        "code": _STR,
        "message": _STR,
        "action": {"type": "string", "enum": ["accept", "hold", "reject"]},
        "evidence": {"type": "object"},
    },
}

_PUBLIC_COMMENT = {
    "type": "object",
    "description": "What may be shown: no email, no IP.",
    "required": ["author", "text", "date"],
    "properties": {
        "author": _STR,
        "url": _NSTR,
        "text": _STR,
        "date": _STR,
        "post_id": _NSTR,
        "parent_id": _NSTR,
        "lang": _STR,
    },
}

_DECISION = {
    "type": "object",
    "required": ["id", "action", "scores", "reasons", "comment", "model_version", "lang"],
    "properties": {
        "id": {"type": "string", "description": "Quote it in /v1/feedback."},
        "action": {"type": "string", "enum": ["accept", "hold", "reject"]},
        "scores": {"type": "object", "additionalProperties": {"type": "number"}},
        "reasons": {"type": "array", "items": _ref("Reason")},
        "comment": _ref("PublicComment"),
        "model_version": _NSTR,
        "lang": _STR,
    },
}

_FIELD_ERROR = {
    "type": "object",
    "required": ["field", "code", "message"],
    "properties": {"field": _STR, "code": _STR, "message": _STR},
}

_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {
                    "type": "string",
                    "description": "Stable: invalid_json, invalid_submission, invalid_feedback, "
                    "bad_request, missing_api_key, invalid_api_key, not_found, unknown_decision, "
                    "method_not_allowed, payload_too_large, unsupported_media_type, "
                    "rate_limited, too_many_failures, model_error, store_error, internal_error",
                },
                "message": _STR,
                "lang": _STR,
                "errors": {"type": "array", "items": _ref("FieldError")},
            },
        }
    },
}

_FEEDBACK = {
    "type": "object",
    "required": ["decision_id", "verdict"],
    "properties": {
        "decision_id": {"type": "string", "pattern": "^[0-9a-f]{8,64}$"},
        "verdict": {"type": "string", "enum": ["spam", "ham", "toxic"]},
    },
}

_AKISMET_FORM = {
    "type": "object",
    "description": "Akismet's fields. The key is api_key (or the KEY.host form of Host).",
    "properties": {
        "api_key": _STR,
        "blog": _STR,
        "user_ip": _STR,
        "user_agent": _STR,
        "referrer": _STR,
        "permalink": _STR,
        "comment_type": _STR,
        "comment_author": _STR,
        "comment_author_email": _STR,
        "comment_author_url": _STR,
        "comment_content": _STR,
        "comment_date_gmt": _STR,
        "comment_post_modified_gmt": _STR,
        "blog_lang": _STR,
        "blog_charset": _STR,
        "user_role": _STR,
        "is_test": _STR,
        "recheck_reason": _STR,
        "honeypot_field_name": _STR,
        "guid": {"type": "string", "description": "X-akismet-guid of the comment-check answer"},
    },
}

_SCORE = {
    "type": "object",
    "required": ["value", "type"],
    "properties": {"value": {"type": "number"}, "type": {"type": "string"}},
}

_ANALYZE_REQUEST = {
    "type": "object",
    "required": ["comment", "requestedAttributes"],
    "properties": {
        "comment": {
            "type": "object",
            "required": ["text"],
            "properties": {
                "text": _STR,
                "type": {"type": "string", "enum": ["PLAIN_TEXT"]},
            },
        },
        "languages": {"type": "array", "items": _STR},
        "requestedAttributes": {
            "type": "object",
            "description": "Keys among TOXICITY, SEVERE_TOXICITY, INSULT, PROFANITY, THREAT, "
            "IDENTITY_ATTACK, SPAM.",
            "additionalProperties": {
                "type": "object",
                "properties": {
                    "scoreType": {"type": "string", "enum": ["PROBABILITY"]},
                    "scoreThreshold": {"type": "number", "minimum": 0, "maximum": 1},
                },
            },
        },
        "spanAnnotations": {"type": "boolean"},
        "doNotStore": {"type": "boolean"},
        "clientToken": _STR,
        "sessionId": _STR,
        "communityId": _STR,
        "context": {"type": "object"},
    },
}

_ANALYZE_RESPONSE = {
    "type": "object",
    "required": ["attributeScores", "languages"],
    "properties": {
        "attributeScores": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["summaryScore", "spanScores"],
                "properties": {
                    "summaryScore": _ref("Score"),
                    "spanScores": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["begin", "end", "score"],
                            "properties": {
                                "begin": {"type": "integer"},
                                "end": {"type": "integer"},
                                "score": _ref("Score"),
                            },
                        },
                    },
                },
            },
        },
        "languages": {"type": "array", "items": _STR},
        "detectedLanguages": {"type": "array", "items": _STR},
        "clientToken": _STR,
    },
}

_GOOGLE_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "status"],
            "properties": {
                "code": {"type": "integer"},
                "message": _STR,
                "status": _STR,
                "details": {"type": "array", "items": {"type": "object"}},
            },
        }
    },
}

_AKISMET_HEADERS = {
    "X-akismet-guid": {"schema": _STR, "description": "The decision id"},
    "X-akismet-pro-tip": {"schema": _STR, "description": "'discard' when modkit rejects"},
    "X-modkit-action": {"schema": {"type": "string", "enum": ["accept", "hold", "reject"]}},
    "X-modkit-reasons": {"schema": _STR, "description": "Reason codes, comma-separated"},
}


def _akismet_op(summary: str, ok: str, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "post": {
            "tags": ["akismet"],
            "summary": summary,
            "requestBody": {
                "required": False,  # an empty form is answered (the key may be in Host)
                "content": {_FORM: {"schema": _ref("AkismetForm")}},
            },
            "responses": {
                "200": _text(ok, headers),
                **_plain_errors(400, 413, 415, 429, 503),
            },
        }
    }


def openapi_document() -> dict[str, Any]:
    """Return the OpenAPI 3.1 description of every route."""
    bearer: list[dict[str, list[str]]] = [{"bearer": []}]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "modkit",
            "version": __version__,
            "description": "Self-hosted comment moderation: modkit's JSON API, and "
            "Akismet- and Perspective-compatible endpoints.",
        },
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "perspectiveKey": {"type": "apiKey", "in": "query", "name": "key"},
            },
            "schemas": {
                "Submission": _SUBMISSION,
                "Decision": _DECISION,
                "Reason": _REASON,
                "PublicComment": _PUBLIC_COMMENT,
                "FieldError": _FIELD_ERROR,
                "Error": _ERROR,
                "Feedback": _FEEDBACK,
                "AkismetForm": _AKISMET_FORM,
                "Score": _SCORE,
                "AnalyzeRequest": _ANALYZE_REQUEST,
                "AnalyzeResponse": _ANALYZE_RESPONSE,
                "GoogleError": _GOOGLE_ERROR,
            },
        },
        "paths": {
            "/healthz": {
                "get": {
                    "summary": "Liveness and model version",
                    "security": [],
                    "responses": {
                        "200": _json({"type": "object", "required": ["status"]}, "Up"),
                        "503": _json({"type": "object"}, "Not ready"),
                    },
                }
            },
            "/v1/check": {
                "post": {
                    "summary": "Validate a comment form and decide: accept, hold or reject",
                    "security": bearer,
                    "requestBody": {
                        "required": True,
                        "content": {_JSON: {"schema": _ref("Submission")}},
                    },
                    "responses": {
                        "200": _json(_ref("Decision"), "The decision"),
                        **_errors(400, 401, 413, 415, 429, 503),
                    },
                }
            },
            "/v1/feedback": {
                "post": {
                    "summary": "A moderator's verdict on a decision (ham makes the author trusted)",
                    "security": bearer,
                    "requestBody": {
                        "required": True,
                        "content": {_JSON: {"schema": _ref("Feedback")}},
                    },
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["decision_id", "verdict", "status"],
                                "properties": {
                                    "decision_id": _STR,
                                    "verdict": _STR,
                                    "status": _STR,
                                },
                            },
                            "Recorded",
                        ),
                        **_errors(400, 401, 404, 413, 415, 429, 503),
                    },
                }
            },
            "/v1/model": {
                "get": {
                    "summary": "The model's version, thresholds and manifest",
                    "security": bearer,
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["version", "rules_only", "thresholds"],
                            },
                            "Model",
                        ),
                        **_errors(401, 429),
                    },
                }
            },
            "/1.1/verify-key": _akismet_op("Akismet verify-key", "'valid' or 'invalid'"),
            "/1.1/comment-check": _akismet_op(
                "Akismet comment-check", "'true' (spam), 'false' or 'invalid'", _AKISMET_HEADERS
            ),
            "/1.1/submit-spam": _akismet_op(
                "Akismet submit-spam", "'Thanks for making the web a better place.'"
            ),
            "/1.1/submit-ham": _akismet_op(
                "Akismet submit-ham", "'Thanks for making the web a better place.'"
            ),
            "/v1alpha1/comments:analyze": {
                "post": {
                    "tags": ["perspective"],
                    "summary": "Perspective-compatible analysis",
                    "security": [{"perspectiveKey": []}],
                    "requestBody": {
                        "required": True,
                        "content": {_JSON: {"schema": _ref("AnalyzeRequest")}},
                    },
                    "responses": {
                        "200": _json(_ref("AnalyzeResponse"), "Scores"),
                        **_google_errors(400, 403, 413, 415, 429, 503),
                    },
                }
            },
        },
    }
