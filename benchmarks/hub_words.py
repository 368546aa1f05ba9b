"""Word lists for the synthetic benchmark hub: skills, names, places, groups, phrases.

Kept apart from generate_hub.py so the generator reads as logic, not as tables.
Everything here is plain data; the generator draws from it with a seeded RNG.
"""

from __future__ import annotations

#: ~150 skills in 10 categories: (id, label, aliases).
SKILLS: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {
    "Leadership": [
        ("leadership", "Leadership", ("leading",)),
        ("team-management", "Managing a team", ("people-management",)),
        ("strategic-planning", "Strategic planning", ("strategy",)),
        ("decision-making", "Decision making", ()),
        ("delegation", "Delegation", ("delegating",)),
        ("change-management", "Leading change", ()),
        ("conflict-resolution", "Conflict resolution", ("mediation",)),
        ("hiring", "Hiring and interviewing", ("recruiting",)),
        ("board-governance", "Board governance", ()),
        ("remote-leadership", "Leading remote teams", ()),
        ("coaching", "Coaching others", ()),
        ("inclusive-leadership", "Inclusive leadership", ()),
        ("first-time-manager", "First-time management", ()),
        ("executive-presence", "Executive presence", ()),
        ("succession-planning", "Succession planning", ()),
    ],
    "Communication": [
        ("public-speaking", "Public speaking", ("presenting", "speaking")),
        ("feedback", "Giving and receiving feedback", ("giving-feedback",)),
        ("writing", "Clear writing", ("plain-language",)),
        ("negotiation", "Negotiation", ("negotiating",)),
        ("facilitation", "Facilitation", ("facilitating",)),
        ("storytelling", "Storytelling", ("narrative",)),
        ("active-listening", "Active listening", ()),
        ("difficult-conversations", "Difficult conversations", ()),
        ("media-relations", "Working with the media", ("press",)),
        ("social-media", "Social media", ()),
        ("newsletter-writing", "Newsletters", ()),
        ("cross-cultural-communication", "Cross-cultural communication", ()),
        ("persuasion", "Persuasion and influence", ("influence",)),
        ("meeting-design", "Running good meetings", ()),
        ("technical-writing", "Technical writing", ("documentation",)),
    ],
    "Career": [
        ("career-change", "Changing careers", ("career-switch",)),
        ("job-search", "Job search", ("job-hunting",)),
        ("interviewing", "Doing well in interviews", ("interview-prep",)),
        ("cv-writing", "CVs and cover letters", ("resume",)),
        ("salary-negotiation", "Negotiating pay", ()),
        ("networking", "Networking", ()),
        ("personal-branding", "Personal branding", ()),
        ("returning-to-work", "Returning to work", ()),
        ("promotion", "Getting promoted", ()),
        ("portfolio-building", "Building a portfolio", ()),
        ("internships", "Finding internships", ()),
        ("freelancing", "Freelancing", ("consulting",)),
        ("further-study", "Choosing further study", ()),
        ("career-planning", "Career planning", ()),
        ("imposter-syndrome", "Imposter syndrome", ()),
    ],
    "Technology": [
        ("python", "Python", ("py",)),
        ("javascript", "JavaScript", ("js",)),
        ("web-development", "Web development", ()),
        ("git", "Git and GitHub", ("github",)),
        ("cloud", "Cloud computing", ()),
        ("devops", "DevOps", ()),
        ("security", "Security basics", ("infosec",)),
        ("databases", "Databases and SQL", ("sql",)),
        ("mobile-development", "Mobile apps", ()),
        ("testing", "Software testing", ()),
        ("accessibility", "Web accessibility", ("a11y",)),
        ("open-source", "Contributing to open source", ()),
        ("no-code", "No-code tools", ()),
        ("linux", "Linux", ()),
        ("api-design", "API design", ()),
    ],
    "Data": [
        ("data-analysis", "Data analysis", ("analytics",)),
        ("data-visualisation", "Data visualisation", ("dataviz",)),
        ("statistics", "Statistics", ()),
        ("spreadsheets", "Spreadsheets", ("excel",)),
        ("machine-learning", "Machine learning", ("ml",)),
        ("survey-design", "Survey design", ()),
        ("impact-measurement", "Measuring impact", ("impact",)),
        ("data-protection", "Data protection", ("gdpr",)),
        ("dashboards", "Dashboards", ()),
        ("research-methods", "Research methods", ()),
        ("qualitative-research", "Qualitative research", ()),
        ("data-cleaning", "Data cleaning", ()),
        ("r-programming", "R", ()),
        ("gis", "Maps and GIS", ("mapping",)),
        ("evaluation", "Programme evaluation", ()),
    ],
    "Design": [
        ("ux-design", "UX design", ("user-experience",)),
        ("ui-design", "Interface design", ()),
        ("user-research", "User research", ()),
        ("graphic-design", "Graphic design", ()),
        ("service-design", "Service design", ()),
        ("design-thinking", "Design thinking", ()),
        ("prototyping", "Prototyping", ()),
        ("branding", "Branding", ()),
        ("illustration", "Illustration", ()),
        ("typography", "Typography", ()),
        ("content-design", "Content design", ()),
        ("photography", "Photography", ()),
        ("video-production", "Video production", ()),
        ("design-systems", "Design systems", ()),
        ("usability-testing", "Usability testing", ()),
    ],
    "Nonprofit": [
        ("fundraising", "Fundraising", ("donor-relations",)),
        ("grant-writing", "Grant writing", ("grants",)),
        ("volunteer-management", "Managing volunteers", ("volunteers",)),
        ("budgeting", "Budgeting", ("budgets",)),
        ("community-organising", "Community organising", ()),
        ("advocacy", "Advocacy", ("campaigning",)),
        ("partnerships", "Building partnerships", ()),
        ("theory-of-change", "Theory of change", ("logic-models",)),
        ("event-planning", "Event planning", ("events",)),
        ("safeguarding", "Safeguarding", ()),
        ("financial-reporting", "Financial reporting", ()),
        ("crowdfunding", "Crowdfunding", ()),
        ("policy", "Policy work", ()),
        ("project-management", "Project management", ("pm",)),
        ("compliance", "Compliance", ()),
    ],
    "Teaching": [
        ("classroom-management", "Classroom management", ()),
        ("lesson-planning", "Lesson planning", ()),
        ("assessment", "Assessment", ("grading",)),
        ("curriculum-design", "Curriculum design", ()),
        ("online-teaching", "Teaching online", ()),
        ("inclusive-teaching", "Inclusive teaching", ()),
        ("special-education", "Special education", ("sen",)),
        ("literacy", "Literacy", ("reading",)),
        ("numeracy", "Numeracy", ()),
        ("adult-learning", "Adult learning", ()),
        ("workshop-design", "Designing workshops", ()),
        ("tutoring", "Tutoring", ()),
        ("behaviour-support", "Behaviour support", ()),
        ("parent-engagement", "Working with families", ()),
        ("stem-teaching", "Teaching STEM", ()),
    ],
    "Wellbeing": [
        ("burnout-prevention", "Preventing burnout", ("burnout",)),
        ("work-life-balance", "Work-life balance", ()),
        ("resilience", "Resilience", ()),
        ("time-management", "Time management", ("productivity",)),
        ("stress-management", "Managing stress", ()),
        ("mindfulness", "Mindfulness", ()),
        ("boundaries", "Setting boundaries", ()),
        ("confidence", "Building confidence", ()),
        ("peer-support", "Peer support", ()),
        ("neurodiversity", "Neurodiversity at work", ()),
        ("mental-health-first-aid", "Mental health first aid", ()),
        ("habits", "Building habits", ()),
        ("goal-setting", "Goal setting", ("goals",)),
        ("self-advocacy", "Self-advocacy", ()),
        ("caregiving", "Work and caregiving", ()),
    ],
    "Entrepreneurship": [
        ("starting-a-business", "Starting a business", ("startup",)),
        ("business-planning", "Business planning", ()),
        ("marketing", "Marketing", ()),
        ("sales", "Sales", ()),
        ("pricing", "Pricing", ()),
        ("bookkeeping", "Bookkeeping", ("accounting",)),
        ("social-enterprise", "Social enterprise", ()),
        ("pitching", "Pitching to investors", ("pitch",)),
        ("customer-discovery", "Customer discovery", ()),
        ("e-commerce", "Selling online", ()),
        ("legal-basics", "Legal basics for founders", ()),
        ("product-management", "Product management", ()),
        ("cooperatives", "Cooperatives", ("co-ops",)),
        ("supply-chains", "Supply chains", ()),
        ("scaling", "Scaling up", ()),
    ],
}

FIRST_NAMES = (
    "Aisha", "Amara", "Ana", "Arjun", "Beatriz", "Chidi", "Claire", "Diego", "Elena", "Ewa",
    "Fatima", "Grace", "Hannah", "Jamal", "João", "Julia", "Kenji", "Kofi", "Liam", "Lucía",
    "Lukas", "Margaret", "Marta", "Mei", "Nadia", "Noura", "Omar", "Priya", "Rahel", "Rosa",
    "Samuel", "Sofia", "Tom", "Wanjiru", "Yusuf", "Zanele", "Adebayo", "Ahmed", "Alejandro",
    "Alice", "Amir", "Anika", "Ayesha", "Bilal", "Camille", "Carlos", "Chen", "Daniel",
    "Dmitri", "Emeka", "Emma", "Farah", "Femi", "Gabriel", "Hana", "Hiroshi", "Ibrahim",
    "Ingrid", "Isabel", "Jae-won", "James", "Javier", "Jin", "Joseph", "Kamala", "Karim",
    "Kwame", "Laila", "Layla", "Leila", "Lina", "Luis", "Maya", "Mateo", "Mohammed", "Naledi",
    "Nia", "Nikolai", "Olga", "Oluwaseun", "Pablo", "Paulo", "Rania", "Ravi", "Rui", "Sakura",
    "Sara", "Sipho", "Siddharth", "Sunita", "Tariq", "Thandiwe", "Tomasz", "Valentina",
    "Wei", "Xin", "Yara", "Yasmin", "Zara", "Zoë", "Agnieszka", "Björn", "Chiara", "Dara",
    "Efua", "Giulia", "Hugo", "Ifeoma", "Jonas", "Katarzyna", "Leon", "Mariam", "Nour",
    "Oscar", "Pedro", "Quynh", "Rahul", "Sean", "Tendai", "Uche", "Vikram", "Yohannes",
)

LAST_NAMES = (
    "Bello", "Okafor", "Souza", "Mehta", "Lima", "Eze", "Dubois", "Ramírez", "Petrova",
    "Nowak", "Al-Sayed", "Wambui", "Becker", "Carter", "Ferreira", "Costa", "Watanabe",
    "Asante", "Walsh", "Hernández", "Schmidt", "O'Connell", "Kowalska", "Tanaka", "Rahman",
    "Khalil", "Haddad", "Raman", "Tesfaye", "Martínez", "Mensah", "Rossi", "Nguyen", "Kamau",
    "Demir", "Dlamini", "Adeyemi", "Ali", "Andersson", "Banerjee", "Bauer", "Chen", "Cohen",
    "da Silva", "Díaz", "Diallo", "Ekwueme", "Fernandes", "Fischer", "García", "Gonzalez",
    "Gupta", "Hassan", "Hoang", "Ibrahim", "Iyer", "Jansen", "Jiménez", "Kaur", "Kim",
    "Kipchoge", "Kumar", "Larsen", "Le", "Lopez", "Mahlangu", "Moreau", "Müller", "Mwangi",
    "Nakamura", "Ndlovu", "Novak", "Obi", "Odhiambo", "Ogunleye", "Olsen", "Ortiz", "Park",
    "Patel", "Pereira", "Popescu", "Quispe", "Reddy", "Richter", "Rojas", "Sato", "Schneider",
    "Shah", "Silva", "Singh", "Smith", "Suzuki", "Takahashi", "Torres", "Tran", "Usman",
    "Vargas", "Wang", "Weber", "Williams", "Wójcik", "Yamamoto", "Yilmaz", "Zhang", "Zulu",
    "Achebe", "Boateng", "Castillo", "Dogan", "Estrada", "Farouk", "Gomes", "Herrera",
    "Ivanova", "Juarez", "Kovacs", "Lindqvist", "Morales", "Nair", "Osei", "Pillay",
)

PRONOUNS = ("she/her", "he/him", "they/them", "she/they", "he/they")

#: ~30 IANA time zones, each with a city for `location` and a local language.
TIME_ZONES: tuple[tuple[str, str, str], ...] = (
    ("America/New_York", "New York, USA", "en"),
    ("America/Chicago", "Chicago, USA", "en"),
    ("America/Denver", "Denver, USA", "en"),
    ("America/Los_Angeles", "Oakland, USA", "es"),
    ("America/Toronto", "Toronto, Canada", "fr"),
    ("America/Mexico_City", "Mexico City, Mexico", "es"),
    ("America/Bogota", "Bogotá, Colombia", "es"),
    ("America/Lima", "Lima, Peru", "es"),
    ("America/Sao_Paulo", "São Paulo, Brazil", "pt"),
    ("America/Argentina/Buenos_Aires", "Buenos Aires, Argentina", "es"),
    ("Europe/London", "London, UK", "en"),
    ("Europe/Dublin", "Dublin, Ireland", "ga"),
    ("Europe/Lisbon", "Lisbon, Portugal", "pt"),
    ("Europe/Madrid", "Madrid, Spain", "es"),
    ("Europe/Paris", "Lyon, France", "fr"),
    ("Europe/Berlin", "Berlin, Germany", "de"),
    ("Europe/Warsaw", "Kraków, Poland", "pl"),
    ("Europe/Istanbul", "Istanbul, Türkiye", "tr"),
    ("Africa/Lagos", "Lagos, Nigeria", "yo"),
    ("Africa/Accra", "Accra, Ghana", "ak"),
    ("Africa/Nairobi", "Nairobi, Kenya", "sw"),
    ("Africa/Johannesburg", "Johannesburg, South Africa", "zu"),
    ("Africa/Cairo", "Cairo, Egypt", "ar"),
    ("Asia/Dubai", "Dubai, UAE", "ar"),
    ("Asia/Kolkata", "Bengaluru, India", "hi"),
    ("Asia/Dhaka", "Dhaka, Bangladesh", "bn"),
    ("Asia/Singapore", "Singapore", "zh"),
    ("Asia/Manila", "Manila, Philippines", "tl"),
    ("Asia/Tokyo", "Tokyo, Japan", "ja"),
    ("Australia/Sydney", "Sydney, Australia", "en"),
)

#: Languages beyond English and the local one, most common first (a long tail).
OTHER_LANGUAGES = (
    "es", "fr", "pt", "de", "ar", "hi", "zh", "sw", "ru", "it", "nl", "pl", "tr", "ja",
    "ko", "vi", "id", "bn", "ur", "yo", "ha", "am", "fa", "uk", "ro", "el", "sv", "he",
    "th", "no", "da", "fi", "cs", "hu", "ig", "zu", "xh", "ta", "te", "ms",
)

ORGANISATIONS = (
    "a public-health NGO", "a community food bank", "a youth football charity",
    "a city library", "a secondary school", "a primary school", "a climate non-profit",
    "a fintech start-up", "a hospital trust", "a refugee support network", "a design studio",
    "a local council", "a university research lab", "an arts collective", "a housing co-op",
    "a software consultancy", "a microfinance institution", "a women's shelter",
    "a coding bootcamp", "a national museum", "a small bakery", "a social enterprise",
    "a newsroom", "an environmental charity", "a disability advocacy group",
)

JOBS = (
    "Data analyst", "Programme manager", "Teacher", "Software engineer", "Designer",
    "Fundraising lead", "Operations coordinator", "Volunteer manager", "Founder",
    "Policy officer", "Researcher", "Community organiser", "Head of department",
    "Product manager", "Communications officer", "Finance officer", "Project lead",
    "Youth worker", "Nurse", "Librarian", "Student", "Career changer", "Trainer",
)

GROUP_PREFIXES = (
    "Women in Leadership", "Grant Writing", "New Teachers", "Data for Good", "First-Time Managers",
    "Career Changers", "Founders", "UX Newcomers", "Python Beginners", "Nonprofit Finance",
    "Returners", "Community Organisers", "Open Source", "Wellbeing", "Public Speaking",
    "Impact Measurement", "Design Critique", "Early Career", "Remote Leaders", "Fundraisers",
)
GROUP_SUFFIXES = ("Circle", "Lab", "Network", "Cohort", "Club", "Collective", "Forum")

SESSION_TITLES = (
    "Getting started with {lower}", "{label}: what worked for us", "Office hours on {lower}",
    "{label} clinic", "A year of {lower}: lessons learned", "{label} for beginners",
    "Common mistakes in {lower}", "Peer review: {lower}", "{label} in practice",
    "Ask me anything about {lower}", "Case study: {lower} on a small budget",
    "When {lower} goes wrong", "{label} templates we reuse", "Planning for {lower}",
)

RESOURCE_TITLES: dict[str, tuple[str, ...]] = {
    "toolkit": ("{label} toolkit", "The {lower} starter kit"),
    "guide": ("A practical guide to {lower}", "{label}, step by step"),
    "template": ("{label} template", "A one-page {lower} plan"),
    "checklist": ("{label} checklist", "Before you start: {lower}"),
    "course": ("Introduction to {lower}", "{label} fundamentals"),
    "video": ("{label} in ten minutes", "Watch: {lower} explained"),
    "article": ("What we learned about {lower}", "Five myths about {lower}"),
    "book": ("The {lower} handbook", "Reading list: {lower}"),
    "funding": ("{label} micro-grants", "Small fund for {lower} projects"),
    "tool": ("{label} planner", "A free tool for {lower}"),
}
RESOURCE_QUALIFIERS = (
    "", " for new mentors", " for small nonprofits", " for teachers", " for career changers",
    " (2nd edition)", " for remote teams", " for volunteers", " for founders", " for students",
    " in plain language", " for busy people", " for community groups", " for first-time leads",
)

STORY_TITLES = (
    "From {before} to {after}", "How {name} found the courage to {verb}",
    "{name}'s first {thing}", "A circle that changed {name}'s year",
    "Learning {lower} at forty", "The {lower} breakthrough",
)
STORY_BEFORES = ("volunteer", "teaching assistant", "line cook", "intern", "analyst", "student")
STORY_AFTERS = ("programme lead", "head of department", "UX designer", "developer", "founder")
STORY_VERBS = ("ask for a promotion", "apply for the grant", "start mentoring", "change careers")
STORY_THINGS = ("grant", "conference talk", "management role", "open-source contribution")

SENTENCES = (
    "I care about making {lower} less intimidating for people starting out.",
    "Over the last few years I have learned most of what I know about {lower} the hard way.",
    "I work at {org}, where {lower} is part of my everyday job.",
    "Outside work I volunteer with {org} and help with {lower}.",
    "I am happy to talk about {lower}, and about what I got wrong along the way.",
    "I am trying to get better at {lower} and would love a sounding board.",
    "Before this role I spent several years in a completely different field.",
    "My mentoring style is practical: we pick one problem and work on it together.",
    "I believe everyone deserves someone in their corner, especially in their first years.",
    "Ask me about balancing {lower} with a full-time job and a family.",
    "I speak from experience at {org} rather than from textbooks.",
    "I joined the hub because a mentor once changed the course of my career.",
)

STORY_SENTENCES = (
    "{name} joined the hub unsure where to start with {lower}.",
    "The first months were mostly about finding a rhythm: one call every two weeks.",
    "Working at {org} left little time, so every session ended with one small next step.",
    "A peer circle gave {name} a place to practise before it mattered.",
    "The turning point was a piece of honest feedback that stung at first.",
    "By the end of the year {lower} felt like a strength rather than a worry.",
    "{name} now helps newer members who are where they were a year ago.",
    "Looking back, the structure mattered more than any single piece of advice.",
    "Not everything worked: the first plan was far too ambitious and had to be cut in half.",
    "The hub's resource library saved hours of searching for templates.",
)

NOTE_CHALLENGES = (
    "Several people find {lower} hard to start without a clear first step.",
    "It is difficult to make time for {lower} alongside everything else.",
    "Nobody on the team owns {lower}, so it slips from week to week.",
    "Advice about {lower} online assumes a budget most of us do not have.",
    "Newcomers are unsure what good {lower} looks like in our context.",
    "Feedback on {lower} arrives late or not at all.",
)
NOTE_SOLUTIONS = (
    "We shared one real example each and compared what worked.",
    "The facilitator walked through a simple template for {lower}.",
    "Pairs practised for ten minutes and swapped roles.",
    "We listed the smallest useful version of {lower} and agreed to try it.",
    "Someone showed the checklist their organisation uses for {lower}.",
    "We role-played the hardest conversation people expect to have.",
)
NOTE_TAKEAWAYS = (
    "Start smaller than feels comfortable.",
    "Write the plan down and share it with one person.",
    "Good {lower} is mostly preparation.",
    "Ask for feedback early, not when it is finished.",
    "Reuse what already exists before building something new.",
    "Protect one hour a week for {lower}.",
)
NOTE_ACTIONS = (
    "Try the template once before the next session.",
    "Book a 30-minute slot with a peer to review progress.",
    "Share one example in the group chat.",
    "Read the linked resource and note one question.",
    "Draft a first version and bring it next time.",
)

QUOTES = (
    "Having someone ask the right questions made all the difference.",
    "I stopped waiting to feel ready and just started.",
    "The group gave me the confidence to say yes.",
    "My mentor never gave me answers, only better questions.",
    "I finally believe I belong in this field.",
)
