package auth

// KindZone is the development-zone registry and the zones' assessed grades,
// streaks and warnings (issue 18).
const KindZone Kind = "zone"

// CanZone reports whether u may do a to a zone record. Reading is public,
// like the county ranking and notice: the registry and the grades of held
// assessments are published facts. Writing (registry imports, changes,
// grade history) is the provincial office's: administrators and analysts.
func CanZone(u User, a Action, r Resource) bool {
	if r.Kind != KindZone || u.CheckScope() != nil {
		return false
	}
	switch a {
	case Read:
		return true
	case Write:
		return u.Role == RoleAdmin || u.Role == RoleAnalyst
	}
	return false
}
