"""Build a page's JSON-LD graph: the practice, the page, its service and trail."""

from supervision_site.core.languages import is_service
from supervision_site.owner_facts.contact import email_uri, phone_uri
from supervision_site.site_links.links import build_page_links, page_for_role, site_url

from .breadcrumbs import build_breadcrumbs
from .social import describe, image_url


def reference(node):
    """Return a reference to a node by its ``@id``."""
    return {"@id": node["@id"]}


def build_supervisor(settings, root):
    """Return the supervisor as a Person with their training and memberships."""
    person = {
        "@type": "Person",
        "@id": root + "#supervisor",
        "name": settings["SUPERVISOR_NAME"],
        "jobTitle": settings["SUPERVISOR_TITLE"],
        "hasCredential": [
            {"@type": "EducationalOccupationalCredential", "name": training}
            for training in settings["SUPERVISOR_TRAINING"]
        ],
    }
    if settings["SUPERVISOR_MEMBERSHIPS"]:
        person["memberOf"] = [
            {"@type": "Organization", "name": membership}
            for membership in settings["SUPERVISOR_MEMBERSHIPS"]
        ]
    return person


def build_reachable(settings):
    """Return the practice's e-mail and phone, each only when it is a real one."""
    reachable = {}
    if email_uri(settings["CONTACT_EMAIL"]):
        reachable["email"] = settings["CONTACT_EMAIL"]
    if phone_uri(settings["CONTACT_PHONE"]):
        reachable["telephone"] = settings["CONTACT_PHONE"]
    return reachable


def build_contact_point(settings, root):
    """Return the practice's contact point and the languages it serves in."""
    return {
        "@type": "ContactPoint",
        "@id": root + "#contact",
        "contactType": "customer service",
        **build_reachable(settings),
        "areaServed": settings["AREA_SERVED"],
        "availableLanguage": list(settings["SUPERVISION_LANGUAGES"]),
    }


def build_practice(settings, home_links):
    """Return the practice as a ProfessionalService, the same ``@id`` in every language.

    Its languages go on the contact point: schema.org defines
    ``availableLanguage`` for a ContactPoint, not for a LocalBusiness.
    """
    root = home_links["x_default"]
    supervisor = build_supervisor(settings, root)
    return {
        "@type": "ProfessionalService",
        "@id": root + "#practice",
        "name": settings["SITENAME"],
        "url": home_links["canonical"],
        "image": image_url(settings),
        **build_reachable(settings),
        "address": settings["BUSINESS_ADDRESS"],
        "areaServed": settings["AREA_SERVED"],
        "knowsLanguage": list(settings["SUPERVISION_LANGUAGES"]),
        "contactPoint": build_contact_point(settings, root),
        "founder": supervisor,
        "employee": reference(supervisor),
    }


def build_duration(property_id, name, span):
    """Return a length of time (a services Range) as a PropertyValue.

    One length is its ``value``, alternatives ("60 or 90 min") its values,
    a range ("4–6 weeks") its ``minValue`` and ``maxValue``: ISO-8601 each.
    """
    value = {"@type": "PropertyValue", "propertyID": property_id, "name": name}
    if span.iso8601_high == span.iso8601:
        value["value"] = span.iso8601
    elif span.either:
        value["value"] = [span.iso8601, span.iso8601_high]
    else:
        value.update(minValue=span.iso8601, maxValue=span.iso8601_high)
    return value


def build_session_terms(record, translations):
    """Return an Offer with a service's session length and interval, or None.

    schema.org has no property for either on a Service, so they are
    PropertyValues named after the schema.org properties of a Schedule.
    """
    terms = [
        build_duration(property_id, translations.gettext(label), span)
        for property_id, label, span in (
            ("https://schema.org/duration", "Session", record.session),
            ("https://schema.org/repeatFrequency", "Interval", record.interval),
        )
        if span is not None
    ]
    return {"@type": "Offer", "additionalProperty": terms} if terms else None


def build_service(page, links, practice, context, settings, translations):
    """Return a service page's Service node, provided by the practice."""
    contact_page = page_for_role("contact", context, settings)
    channel = {
        "@type": "ServiceChannel",
        "servicePhone": reference(practice["contactPoint"]),
        "availableLanguage": list(settings["SUPERVISION_LANGUAGES"]),
    }
    if contact_page is not None:
        channel["serviceUrl"] = site_url(contact_page.url, settings)
    service = {
        "@type": "Service",
        "@id": links["canonical"] + "#service",
        "name": page.title,
        "description": describe(page),
        "url": links["canonical"],
        "serviceType": settings["SEARCH_META_SERVICE_TYPE"],
        "provider": reference(practice),
        "areaServed": settings["AREA_SERVED"],
        "availableChannel": channel,
    }
    record = getattr(page, "service", None)
    terms = build_session_terms(record, translations) if record else None
    if terms:
        service["offers"] = terms
    return service


def build_breadcrumb_list(trail, links):
    """Return a BreadcrumbList of a trail of (name, url)."""
    return {
        "@type": "BreadcrumbList",
        "@id": links["canonical"] + "#breadcrumb",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb["name"],
                "item": crumb["url"],
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def build_structured_data(page, context, settings, translations):
    """Return the JSON-LD graph of a page as plain data."""
    links = build_page_links(page, settings)
    home = page_for_role("home", context, settings) or page
    practice = build_practice(settings, build_page_links(home, settings))
    web_page = {
        "@type": "WebPage",
        "@id": links["canonical"],
        "url": links["canonical"],
        "name": page.title,
        "description": describe(page),
        "inLanguage": page.lang,
        "about": reference(practice),
    }
    graph = [practice, web_page]
    if is_service(page):
        service = build_service(page, links, practice, context, settings, translations)
        web_page["mainEntity"] = reference(service)
        graph.append(service)
    trail = build_breadcrumbs(page, context, settings, translations)
    if trail:
        breadcrumb_list = build_breadcrumb_list(trail, links)
        web_page["breadcrumb"] = reference(breadcrumb_list)
        graph.append(breadcrumb_list)
    return {"@context": "https://schema.org", "@graph": graph}
