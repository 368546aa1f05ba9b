"""The KPI dashboard: KPIs, the Impact pages, charts, recognition. May import hub and site."""
