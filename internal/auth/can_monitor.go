package auth

// Monthly monitoring (issue 21): the monitoring table of cumulative figures
// and the 督办 loop.
const (
	// KindMonitor is a unit's monitoring figures and table rows of a
	// period (Resource.Released says whether the period is past the
	// statistics bureau's release day).
	KindMonitor Kind = "monitor"
	// KindProblem is a problem of the 督办 loop (问题清单, 督办单).
	KindProblem Kind = "problem"
)

// Reply is the responsible side's step in the 督办 loop: reply with
// measures, ask for 销号 with evidence.
const Reply Action = "reply"

// monitorCan: the provincial office reads everything and writes figures,
// targets, the release calendar and problems (raise, issue the 督办单,
// approve or send back a 销号, escalate). Before a period's release day
// nobody else sees its figures; after it, a county sees its own rows, a
// prefecture its counties', a department every unit's. A county (or its
// prefecture) reads its problems and replies to them. Viewers see nothing:
// monitoring is internal.
func monitorCan(u User, a Action, r Resource) bool {
	var inScope bool
	switch u.Role {
	case RoleAnalyst:
		return a == Read || a == Write
	case RolePrefecture:
		inScope = r.Unit == u.Unit || r.Prefecture == u.Unit
	case RoleCounty:
		inScope = r.Unit == u.Unit
	case RoleDepartment:
		return r.Kind == KindMonitor && a == Read && r.Released
	default:
		return false
	}
	switch r.Kind {
	case KindMonitor:
		return inScope && a == Read && r.Released
	case KindProblem:
		return inScope && (a == Read || a == Reply)
	}
	return false
}
