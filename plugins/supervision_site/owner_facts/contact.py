"""Give templates the owner's e-mail and phone as text, and as links only when real.

A placeholder must never work: an address at the reserved ``.invalid`` domain
gets no ``mailto:``, and a phone that is not written in digits gets no ``tel:``.
"""

import re

NBSP = "\u00a0"
PLACEHOLDER_DOMAIN = ".invalid"  # RFC 6761: never resolves
PHONE = re.compile(r"\+?[0-9(][0-9 ()-]{4,}[0-9]")


def email_uri(address):
    """Return the ``mailto:`` of an e-mail address, or None for a placeholder."""
    address = (address or "").strip()
    domain = address.rpartition("@")[2].lower()
    if not domain or domain.endswith(PLACEHOLDER_DOMAIN):
        return None
    return f"mailto:{address}"


def phone_uri(number):
    """Return the ``tel:`` of a phone number written in digits, or None."""
    number = (number or "").strip()
    if not PHONE.fullmatch(number):
        return None
    return "tel:" + re.sub(r"[ ()-]", "", number)


def build_contact(settings):
    """Return the e-mail and phone to show, each with its link or None."""
    email = (settings.get("CONTACT_EMAIL") or "").strip()
    phone = (settings.get("CONTACT_PHONE") or "").strip()
    return {
        "email": email,
        "email_uri": email_uri(email),
        "phone": phone.replace(" ", NBSP) if phone_uri(phone) else phone,
        "phone_uri": phone_uri(phone),
    }
