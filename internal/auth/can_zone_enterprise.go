package auth

// KindZoneEnterprise is an enterprise of a development zone: its figures
// (land, tax, energy …) and its 亩均效益 grading (issue 19).
const KindZoneEnterprise Kind = "zone_enterprise"

// ZoneScope is where a zone sits: its code, the division that hosts it (a
// county or a prefecture) and that division's prefecture.
type ZoneScope struct {
	Zone, Host, Prefecture string
}

// CanZoneEnterprise reports whether u may do a to the enterprises of the
// zone z. An enterprise's figures (tax paid, energy use) are confidential:
// reading them and their grading is for the provincial office
// (administrators, analysts, office heads, approvers), a prefecture
// reviewer for the zones of her prefecture, and a county or zone user for
// her own zone or the zones her county hosts. Viewers and anonymous
// callers see none; they see the counts per class on the zone page, which
// CanZone governs. Writing (imports, grading, land, targets, tiers) is the
// provincial office's: administrators and analysts.
func CanZoneEnterprise(u User, a Action, z ZoneScope) bool {
	if u.CheckScope() != nil {
		return false
	}
	switch a {
	case Read:
		switch u.Role {
		case RoleAdmin, RoleAnalyst, RoleOfficeHead, RoleApprover:
			return true
		case RolePrefecture:
			return u.Unit == z.Prefecture || u.Unit == z.Host
		case RoleCounty:
			return u.Unit == z.Zone || u.Unit == z.Host
		}
	case Write:
		return u.Role == RoleAdmin || u.Role == RoleAnalyst
	}
	return false
}
