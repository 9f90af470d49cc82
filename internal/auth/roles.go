package auth

import (
	"fmt"
	"slices"
)

// Role is what a user is allowed to do, before her scope narrows it.
type Role string

// The roles of the issue: 管理员, 分析员, 数据提供部门, 市州审核员, 县区/园区用户, 查看者.
const (
	RoleAdmin      Role = "admin"       // everything, including users, audit and backups
	RoleAnalyst    Role = "analyst"     // 经办: the provincial office's data, methods and runs, up to review
	RoleOfficeHead Role = "office_head" // 处室负责人: reviews runs and opens the public notice (公示)
	RoleApprover   Role = "approver"    // 分管委领导: alone approves and publishes runs
	RoleDepartment Role = "department"  // a providing department: its own indicators, for all units
	RolePrefecture Role = "prefecture"  // a prefecture reviewer: the counties and zones of her prefecture
	RoleCounty     Role = "county"      // a county or zone user: her own unit
	RoleViewer     Role = "viewer"      // published results, at the visibility each run allows
)

// Roles lists every role, most powerful first.
var Roles = []Role{RoleAdmin, RoleApprover, RoleOfficeHead, RoleAnalyst, RoleDepartment, RolePrefecture, RoleCounty, RoleViewer}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// ParseRole returns the role named s, or an error naming the valid ones.
func ParseRole(s string) (Role, error) {
	if r := Role(s); r.Valid() {
		return r, nil
	}
	return "", fmt.Errorf("auth: unknown role %q (want one of %v)", s, Roles)
}

// User is the caller as far as permissions go: a name, a role and a scope.
// The store's user record converts to it.
type User struct {
	Name       string
	Role       Role
	Department string // RoleDepartment: the providing department's name, as in the indicator catalogue
	Unit       string // RolePrefecture: the prefecture's code; RoleCounty: the county's or zone's code
	Duty       Duty   // RoleAdmin under three-admin separation (can_separation.go)
}

// Anonymous is a caller without a login: she sees what a viewer sees.
var Anonymous = User{Role: RoleViewer}

// CheckScope returns an error when u's scope does not fit her role: a
// department user needs a department, prefecture and county users a unit,
// and the other roles neither.
func (u User) CheckScope() error {
	switch {
	case !u.Role.Valid():
		return fmt.Errorf("auth: unknown role %q", u.Role)
	case u.Role == RoleDepartment && (u.Department == "" || u.Unit != ""):
		return fmt.Errorf("auth: a department user needs a department and no unit")
	case (u.Role == RolePrefecture || u.Role == RoleCounty) && (u.Unit == "" || u.Department != ""):
		return fmt.Errorf("auth: a %s user needs a unit and no department", u.Role)
	case (u.Role == RoleAdmin || u.Role == RoleAnalyst || u.Role == RoleOfficeHead || u.Role == RoleApprover ||
		u.Role == RoleViewer) && (u.Unit != "" || u.Department != ""):
		return fmt.Errorf("auth: a %s user has no scope", u.Role)
	}
	return nil
}

// RunState is where a run stands on its way to publication. It lives here
// rather than in the store because who may see a run depends on it.
type RunState string

// The run states, in order: 草稿 → 审核 → 公示 → 异议处理 → 批准 → 发布, and
// 已被取代 for a published run whose period and method a newer published run
// (a correction) took over: it stays readable as it was published.
const (
	StateDraft      RunState = "draft"
	StateReview     RunState = "review"
	StateNotice     RunState = "notice"
	StateObjections RunState = "objections"
	StateApproved   RunState = "approved"
	StatePublished  RunState = "published"
	StateSuperseded RunState = "superseded"
)

// RunStates lists the states in order.
var RunStates = []RunState{StateDraft, StateReview, StateNotice, StateObjections, StateApproved, StatePublished, StateSuperseded}

// Valid reports whether s is one of RunStates.
func (s RunState) Valid() bool { return slices.Contains(RunStates, s) }

// Final reports whether a run in state s never changes again: published,
// or published and then superseded.
func (s RunState) Final() bool { return s == StatePublished || s == StateSuperseded }

// Public reports whether the public reads a run in state s (at the
// visibility it allows): from the public notice (公示) on.
func (s RunState) Public() bool { return s.AtLeast(StateNotice) }

// AtLeast reports whether s is t or a later state.
func (s RunState) AtLeast(t RunState) bool {
	i, j := slices.Index(RunStates, s), slices.Index(RunStates, t)
	return i >= 0 && j >= 0 && i >= j
}

// Visibility is how much of a published run the public may read.
type Visibility string

// The visibilities: nothing, the award winners only, the full table.
const (
	VisNone    Visibility = "none"
	VisWinners Visibility = "winners"
	VisFull    Visibility = "full"
)

// Valid reports whether v is one of the three visibilities.
func (v Visibility) Valid() bool { return v == VisNone || v == VisWinners || v == VisFull }
