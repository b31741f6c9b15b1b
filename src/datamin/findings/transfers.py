"""DM306: recipients in another country than the organisation's, with no safeguard recorded."""

from __future__ import annotations

from datamin.findings import finding
from datamin.manifest import Manifest
from datamin.records import Finding


def transfer_findings(manifest: Manifest, display: str) -> list[Finding]:
    home = manifest.organisation.country
    if not home:
        return []
    return [
        finding(
            "DM306",
            display,
            recipient.line,
            1,
            f"recipient {recipient.domain} is in {recipient.country}, not {home}, and the manifest records no "
            "transfer_safeguard for sending personal data there",
            None,
            recipient.domain,
        )
        for recipient in manifest.recipients
        if recipient.country and recipient.country != home and not recipient.transfer_safeguard
    ]
