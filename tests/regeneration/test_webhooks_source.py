"""The webhook notifications source (issue 26): its models-only package and what the models tolerate."""

from __future__ import annotations

import copy
import importlib
import json
import tomllib
from typing import Any

import pytest
from api_shape import payloads, render_schemas
from regen_support import ROOT
from spec_overrides import payload_by_event

SOURCE = tomllib.loads((ROOT / "openapi" / "sources.toml").read_text())["asteroid_webhooks"]
PIN = json.loads((ROOT / "openapi" / SOURCE["spec"]).read_text())


def normalized() -> dict[str, Any]:
    doc = copy.deepcopy(PIN)
    assert payload_by_event(doc, SOURCE["overrides"]["payload_by_event"]) is True
    return doc


def test_sources_toml_names_the_published_document_and_keeps_it_models_only() -> None:
    assert SOURCE["url"] == "https://odyssey.asteroid.ai/webhooks/openapi.json"
    assert SOURCE["client"] is False and SOURCE["package"] == "asteroid_webhooks_raw"
    assert "Assumption:" in json.dumps(PIN)


def test_render_schemas_names_each_payload_class_as_class_overrides_do() -> None:
    doc = normalized()
    overrides = {"NotificationsV2ActionCompletedPayload": {"class_name": "ActionDone"}}
    found = payloads(doc, overrides)
    assert found["EXECUTION_ACTION_COMPLETED"] == "ActionDone"
    assert found["EXECUTION_PAUSED"] == "NotificationsV2ExecutionPausedPayload"  # no override: the generator's name
    assert "'EXECUTION_ACTION_COMPLETED': 'ActionDone'" in render_schemas(doc, "T", overrides).replace('"', "'")
    assert payloads(PIN, {}) == {}  # nothing recorded without the override


def test_every_event_of_the_pin_has_its_payload_class_in_the_generated_models() -> None:
    models = importlib.import_module("asteroid_webhooks_raw.models")
    shape = importlib.import_module("asteroid_webhooks_raw.api_shape")
    events = PIN["components"]["schemas"]["Notifications.V2.ExecutionEvent"]["enum"]
    assert sorted(shape.PAYLOADS) == sorted(events)
    assert payloads(normalized(), SOURCE["generator_config"]["class_overrides"]) == shape.PAYLOADS
    assert all(isinstance(getattr(models, name), type) for name in shape.PAYLOADS.values())
    assert not any(name.startswith("NotificationsV2") for name in models.__all__)  # every class has a stable name


def notification(event: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "execution",
        "event_id": "evt_1",
        "timestamp": "2026-01-15T10:30:00+00:00",
        "info": {
            "event": event,
            "execution_id": "exec_1",
            "execution_url": "https://platform.asteroid.ai/executions/exec_1",
            "agent_id": "agent_1",
            "agent_name": "Iris",
            "payload": payload,
        },
    }


def test_an_event_newer_than_the_pin_parses_as_an_open_value_and_keeps_its_payload() -> None:
    models = importlib.import_module("asteroid_webhooks_raw.models")
    shape = importlib.import_module("asteroid_webhooks_raw.api_shape")
    body = notification("EXECUTION_BRAND_NEW", {"novel": {"depth": 2}, "count": 3})

    parsed = models.WebhookNotification.from_dict(body)

    assert isinstance(parsed.info.event, models.WebhookEvent)
    assert parsed.info.event == "EXECUTION_BRAND_NEW" and str(parsed.info.event) == "EXECUTION_BRAND_NEW"
    assert "EXECUTION_BRAND_NEW" not in shape.PAYLOADS  # the facade keeps the open object
    assert isinstance(parsed.info.payload, models.WebhookExecutionInfoPayload)
    assert parsed.info.payload.to_dict() == {"novel": {"depth": 2}, "count": 3}
    assert parsed.to_dict() == body


@pytest.mark.parametrize(
    ("event", "payload"),
    [
        ("EXECUTION_RESUMED", {}),
        ("EXECUTION_ACTION_COMPLETED", {"action_id": "a", "action_name": "click", "output": {}, "step_number": 2}),
    ],
)
def test_a_payload_parses_with_its_events_model(event: str, payload: dict[str, Any]) -> None:
    """What agent_executions.webhooks does with PAYLOADS; an empty payload no longer parses as another event's."""
    models = importlib.import_module("asteroid_webhooks_raw.models")
    shape = importlib.import_module("asteroid_webhooks_raw.api_shape")
    parsed = models.WebhookNotification.from_dict(notification(event, {**payload, "later_field": True}))
    model = getattr(models, shape.PAYLOADS[str(parsed.info.event)])
    typed = model.from_dict(parsed.info.payload.to_dict())
    assert type(typed).__name__ == shape.PAYLOADS[event]
    assert typed.to_dict() == {**payload, "later_field": True}  # a field newer than the pin is kept
