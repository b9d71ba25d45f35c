"""Give templates the owner's e-mail and phone as text, and as links only when real.

A placeholder must never work: an address at the reserved ``.invalid`` domain
gets no ``mailto:``, and a phone not written in digits, or that phonenumbers
does not read as a valid number, gets no ``tel:``. The link is the number in
E.164 (``tel:+358401234567``): it works from abroad, and a trunk zero written
after the country code (``+358 (0)40 …``) is dropped.
"""

import re

import phonenumbers

NBSP = "\u00a0"
PLACEHOLDER_DOMAIN = ".invalid"  # RFC 6761: never resolves
HOME_REGION = "FI"  # a number written without its country code is Finnish
# Digits and separators only: phonenumbers would read letters as a keypad's digits.
WRITTEN_NUMBER = re.compile(r"\+?[0-9 ()./-]+")
EMAIL_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")  # name@host.fi


def email_uri(address):
    """Return the ``mailto:`` of an e-mail address, or None for a placeholder.

    Text not written as an address (``maija``) is none either.
    """
    address = (address or "").strip()
    if not EMAIL_ADDRESS.fullmatch(address):
        return None
    if address.rpartition("@")[2].lower().endswith(PLACEHOLDER_DOMAIN):
        return None
    return f"mailto:{address}"


def phone_uri(number):
    """Return the ``tel:`` of a valid phone number written in digits, or None."""
    number = (number or "").strip()
    if not WRITTEN_NUMBER.fullmatch(number):
        return None
    try:
        parsed = phonenumbers.parse(number, HOME_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return "tel:" + phonenumbers.format_number(
        parsed, phonenumbers.PhoneNumberFormat.E164
    )


def build_contact(settings):
    """Return the e-mail and phone to show, each with its link or None."""
    email = (settings.get("CONTACT_EMAIL") or "").strip()
    phone = (settings.get("CONTACT_PHONE") or "").strip()
    uri = phone_uri(phone)
    return {
        "email": email,
        "email_uri": email_uri(email),
        "phone": phone.replace(" ", NBSP) if uri else phone,
        "phone_uri": uri,
    }
