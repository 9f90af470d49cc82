package auth

// The investment ledger's reading rights (issue 17), as for figures: the
// provincial office, departments and viewers read every county's projects,
// a prefecture reviewer those of her prefecture's counties, a county user
// her own county's. Projects before a contract (线索, 洽谈) are visible only
// inside their county: a county's negotiations are not shown to its
// neighbours, nor to the levels above, until signed.

// InvestScope is the part of the ledger a user may read: every county
// (All), the counties of a prefecture (Prefecture, its 6-digit code), or
// one county (County).
type InvestScope struct {
	All        bool
	Prefecture string
	County     string
}

// InvestLedgerScope returns the part of the ledger u may read; ok is false
// for a caller without a login, who reads the public summary only.
func InvestLedgerScope(u User, anonymous bool) (s InvestScope, ok bool) {
	if anonymous {
		return s, false
	}
	switch u.Role {
	case RoleAdmin, RoleAnalyst, RoleDepartment, RoleViewer:
		return InvestScope{All: true}, true
	case RolePrefecture:
		return InvestScope{Prefecture: u.Unit}, u.Unit != ""
	case RoleCounty:
		return InvestScope{County: u.Unit}, u.Unit != ""
	}
	return s, false
}

// Covers reports whether the scope includes county.
func (s InvestScope) Covers(county string) bool {
	switch {
	case s.All:
		return true
	case s.Prefecture != "":
		return len(county) == 6 && county[:4]+"00" == s.Prefecture
	}
	return s.County != "" && county == s.County
}

// InvestSeesTalks reports whether u may see a project of county at the
// stages before a contract (线索, 洽谈): only a user of that county.
func InvestSeesTalks(u User, county string) bool {
	return u.Role == RoleCounty && u.Unit == county
}

// InvestReportRole is the level at which u acts on county's monthly
// report: "county" for the county's own user (save, submit), "prefecture"
// for the reviewer of its prefecture, "province" for the provincial office
// (administrators and analysts), "" for anyone else — departments and
// viewers read the ledger but take no part in its reporting.
func InvestReportRole(u User, county string) string {
	switch u.Role {
	case RoleCounty:
		if u.Unit == county {
			return "county"
		}
	case RolePrefecture:
		if u.Unit != "" && (InvestScope{Prefecture: u.Unit}).Covers(county) {
			return "prefecture"
		}
	case RoleAdmin, RoleAnalyst:
		return "province"
	}
	return ""
}

// InvestManagesMonths reports whether u opens months for reporting,
// reopens locked ones and publishes them: the provincial office.
func InvestManagesMonths(u User) bool { return u.Role == RoleAdmin || u.Role == RoleAnalyst }
