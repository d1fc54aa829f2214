"""The environment variables of the domain's rules (licences, declarations, joint purchase
rounds, publication to the Softwarecatalogus) and of the task queue, registered after those of
``variables`` (which imports this)."""

from .environment import define

LICENTIES = "Licenties"
define(
    "LICENTIE_HERINNERINGEN_DAGEN",
    type="list",
    default=["180", "90", "30"],
    help="Comma-separated days before a licence's opzegdatum (the last day to give notice) on "
    "which the nightly job sends a reminder (kanaal `licenties`, kenmerk `herinnering`: the "
    "days): once per stage per contract period, a renewal arms them again. A licence registered "
    "late gets only the most urgent stage that is due. At the first reminder of a licence "
    "renewed by hand, a concept renewal order is prepared for its organisation. Empty: no "
    "reminders.",
    group=LICENTIES,
)

VERKLARINGEN = "Verklaringen"
define(
    "VERKLARING_DOCUMENT_MAX_BYTES",
    type="int",
    default=5 * 1024 * 1024,
    help="The largest declaration document (a PDF) a supplier may upload, in bytes (default 5 MiB). "
    "A larger one is refused with `400` `max_size` (`413` when the request itself is larger than "
    "this plus 64 KiB).",
    group=VERKLARINGEN,
)
define(
    "VERKLARING_VERLOOP_MELDING_DAGEN",
    type="int",
    default=60,
    help="Days before the end of an approved declaration (its `geldigTot`) on which the nightly job "
    "tells its supplier once (kanaal `verklaringen`, actie `verloopt`, kenmerk `verloopt`: the days "
    "left). The day after `geldigTot` the job sets the declaration to `verlopen` and tells the "
    "organisations with an active licence of an offer it covered (kanaal `licenties`, actie "
    "`verklaring_verlopen`). 0: no advance notice. At least 0.",
    group=VERKLARINGEN,
)

VRAAGBUNDELINGEN = "Vraagbundelingen"
define(
    "AANBESTEDINGSDREMPEL",
    type="int",
    default=221_000,
    help="The European tender threshold for municipalities' supplies and services, in whole "
    "euros excl. VAT (221,000 for 2024-2025; the European Commission revises it every two years). "
    "A joint purchase round whose pooled estimated value (every participant's one-time costs plus "
    "its recurring costs over the full term) is above it, on an offer without a framework "
    "agreement, cannot be awarded through the broker (`409` `aanbestedingsplicht`): that purchase "
    "must be tendered. At least 0.",
    group=VRAAGBUNDELINGEN,
)

SOFTWARECATALOGUS = "Softwarecatalogus"
define(
    "SOFTWARECATALOGUS_SERVICE",
    type="str",
    default="",
    help="The slug of the zgw-consumers Service (admin: Services) of the Softwarecatalogus' "
    "Voorzieningen API (an OpenRegister API root, for example "
    "`https://softwarecatalogus.example/apps/openregister/api/`), to which "
    "`manage.py publiceer_applicatielandschap --organisatie <OIN>` sends an organisation's "
    "application landscape; its authentication, certificates and timeout come from the Service. "
    "Empty: no Softwarecatalogus is configured and the command stops with an error.",
    group=SOFTWARECATALOGUS,
)
define(
    "SOFTWARECATALOGUS_VOORZIENINGEN_PAD",
    type="str",
    default="objects/voorzieningen/voorziening",
    help="The path, relative to the Service's API root, to which each `Voorziening` (a package "
    "the organisation uses) is POSTed: by default OpenRegister's objects endpoint "
    "(`objects/{register}/{schema}`) of register `voorzieningen`, schema `voorziening`.",
    group=SOFTWARECATALOGUS,
)
define(
    "SOFTWARECATALOGUS_GEBRUIK_PAD",
    type="str",
    default="objects/voorzieningen/voorzieninggebruik",
    help="The path, relative to the Service's API root, to which each `VoorzieningGebruik` (a use "
    "of the organisation) is POSTed, after the voorzieningen: by default OpenRegister's objects "
    "endpoint of register `voorzieningen`, schema `voorzieninggebruik`.",
    group=SOFTWARECATALOGUS,
)

TASKS = "Taakwachtrij"
define(
    "WORKER_STALLED_SECONDS",
    type="int",
    default=60,
    help="A worker sends a heartbeat every third of this time (at most every 10 seconds). A job "
    "whose worker has been silent this long (killed, out of memory, its node lost) is stalled: "
    "the next check, every half of this time (at most every minute), puts it back in the queue "
    "with its lock, so later notifications about the same object stay behind it. A worker that "
    "stops gracefully sends no heartbeats while it finishes its jobs: keep this above the longest "
    "job and the worker pods' termination grace period (30 s by default). At least 2.",
    group=TASKS,
)
