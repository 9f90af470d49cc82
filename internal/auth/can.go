package auth

// Action is what a caller wants to do with a resource.
type Action string

// The actions. Write covers create, import and correct.
const (
	Read       Action = "read"
	Write      Action = "write"
	Confirm    Action = "confirm"    // a county (or its prefecture) confirms figures (核对)
	Object     Action = "object"     // raise an objection (异议) to figures or results
	Transition Action = "transition" // move a run to another state short of publication
	Publish    Action = "publish"    // publish a run, after which it never changes
	Notice     Action = "notice"     // open a run's public notice (公示): review → notice
	Approve    Action = "approve"    // approve a run (批准) with the record of the deciding meeting
)

// Kind is the kind of record a Resource stands for.
type Kind string

// The kinds of resource.
const (
	KindUnit        Kind = "unit"        // the unit catalogue
	KindIndicator   Kind = "indicator"   // the indicator catalogue
	KindObservation Kind = "observation" // a figure: unit × indicator × period
	KindEvent       Kind = "event"       // a veto, bonus or deduction with its 文号
	KindTarget      Kind = "target"      // a unit's target for an indicator
	KindMethod      Kind = "method"      // a method file
	KindRun         Kind = "run"         // a run: its parameters and state
	KindResult      Kind = "result"      // one row of a run's results
	KindUser        Kind = "user"        // an account
	KindAudit       Kind = "audit"       // the audit log
	KindSystem      Kind = "system"      // backups, restores, migrations
)

// Resource describes the record an action touches, with what the rules need
// to know about it. The caller fills it from the store: Prefecture is the
// prefecture of Unit (a county's parent, or a zone host's prefecture), and
// Department the providing department of the figure's indicator or event.
type Resource struct {
	Kind       Kind
	Unit       string
	Prefecture string
	Department string
	RunState   RunState   // KindRun, KindResult
	Visibility Visibility // KindRun, KindResult
	Winner     bool       // KindResult: the row carries an award
	Username   string     // KindUser: whose account
	Released   bool       // KindMonitor: the period is past its release day
}

// Can reports whether u may do a to r. Everything not granted is denied.
func Can(u User, a Action, r Resource) bool {
	if u.CheckScope() != nil {
		return false
	}
	if u.Role == RoleAdmin {
		return adminCan(u, a, r) // all, unless three-admin separation gives her a duty
	}
	if r.Kind == KindMonitor || r.Kind == KindProblem {
		return monitorCan(u, a, r)
	}
	if publicCan(a, r) || ownAccount(u, a, r) {
		return true
	}
	switch u.Role {
	case RoleAnalyst:
		return analystCan(a, r)
	case RoleOfficeHead:
		return officeHeadCan(a, r)
	case RoleApprover:
		return approverCan(a, r)
	case RoleDepartment:
		return departmentCan(u, a, r)
	case RolePrefecture:
		return unitCan(a, r, r.Unit == u.Unit || r.Prefecture == u.Unit)
	case RoleCounty:
		return unitCan(a, r, r.Unit == u.Unit)
	}
	return false
}

// publicCan is what anyone may do, logged in or not: read the catalogues
// and the runs from their public notice (公示) on — the run itself (its
// notice document) always, its result rows as the visibility allows, and
// the proposed award list at least while the run is not yet published.
// Visibility removes content, never the document.
func publicCan(a Action, r Resource) bool {
	if a != Read {
		return false
	}
	switch r.Kind {
	case KindUnit, KindIndicator, KindCalendar:
		return true
	case KindRun:
		return r.RunState.Public()
	case KindResult:
		if !r.RunState.Public() {
			return false
		}
		return r.Visibility == VisFull || r.Winner && (r.Visibility == VisWinners || !r.RunState.Final())
	}
	return false
}

// ownAccount lets every logged-in user read her account and change her
// password.
func ownAccount(u User, a Action, r Resource) bool {
	return r.Kind == KindUser && u.Name != "" && r.Username == u.Name && (a == Read || a == Write)
}

// analystCan: the office's 经办 does all the work on data, methods and
// runs up to review, registers and answers the objections that arrive by
// letter or phone, but opens no public notice, approves and publishes
// nothing (the office's chain, issue 12), and touches no accounts, audit
// log or backups (least privilege, 等保).
func analystCan(a Action, r Resource) bool {
	switch r.Kind {
	case KindUnit, KindIndicator, KindObservation, KindEvent, KindTarget, KindMethod:
		return a == Read || a == Write
	case KindRun:
		return a == Read || a == Write || a == Transition
	case KindResult:
		return a == Read || a == Write || a == Object
	case KindCalendar:
		return a == Read || a == Write
	}
	return false
}

// departmentCan: a providing department reports and corrects the figures and
// events of its own indicators for every unit, reads its indicators'
// targets, and reviews results from the review stage on (the method's
// "review by the providing departments").
func departmentCan(u User, a Action, r Resource) bool {
	mine := r.Department != "" && r.Department == u.Department
	switch r.Kind {
	case KindObservation, KindEvent:
		return mine && (a == Read || a == Write)
	case KindTarget:
		return mine && a == Read
	case KindRun, KindResult:
		return a == Read && r.RunState.AtLeast(StateReview)
	}
	return false
}

// unitCan: a county (or zone) user, or a prefecture reviewer for the units of
// her prefecture (inScope), reads the units' figures, events and targets,
// confirms figures or objects to them, sees the runs from the public notice
// (公示) on and reads the units' own result rows then. Objections to results
// arrive as a stamped letter that the office registers (issue 12), not
// through the web. Runs in draft or review stay internal.
func unitCan(a Action, r Resource, inScope bool) bool {
	switch r.Kind {
	case KindObservation:
		return inScope && (a == Read || a == Confirm || a == Object)
	case KindEvent, KindTarget:
		return inScope && a == Read
	case KindRun:
		return a == Read && r.RunState.AtLeast(StateNotice)
	case KindResult:
		return inScope && a == Read && r.RunState.AtLeast(StateNotice)
	}
	return false
}
