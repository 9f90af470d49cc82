package auth

// Contract follow-up (履约监管) and scheduling (调度) of the investment
// ledger (issue 20): a signed project's commitments, actuals, incentive
// ledger, default actions and 包抓 leader.

// KindFollowup is a signed project's follow-up record; Resource.Unit is
// the project's county and Prefecture its prefecture.
const KindFollowup Kind = "followup"

// Raise is putting a problem of the 督办 loop on the list from one's own
// project (behind schedule, in breach). Issuing the 督办单 and approving
// the 销号 stay the provincial office's (KindProblem, Write).
const Raise Action = "raise"

// CanFollowup reports whether u may do a to a follow-up record. It is
// internal: nobody without a login and no viewer sees it. The provincial
// office (administrators, analysts) reads and writes all; a county
// investment bureau keeps its own county's projects (commitments, actuals,
// incentives, default actions, 包抓 leaders) and raises problems from
// them; a prefecture reads its counties' and raises problems from them;
// providing departments read all, as they read the ledger.
func CanFollowup(u User, a Action, r Resource) bool {
	if r.Kind != KindFollowup || u.CheckScope() != nil {
		return false
	}
	switch u.Role {
	case RoleAdmin:
		return adminCan(u, a, r)
	case RoleAnalyst:
		return a == Read || a == Write || a == Raise
	case RoleDepartment:
		return a == Read
	case RolePrefecture:
		return (r.Unit == u.Unit || r.Prefecture == u.Unit) && (a == Read || a == Raise)
	case RoleCounty:
		return r.Unit == u.Unit && (a == Read || a == Write || a == Raise)
	}
	return false
}

// FollowupScope is the part of the ledger's follow-up u may read: like
// InvestLedgerScope, without viewers.
func FollowupScope(u User, anonymous bool) (InvestScope, bool) {
	if u.Role == RoleViewer || u.Role == RoleOfficeHead || u.Role == RoleApprover {
		return InvestScope{}, false
	}
	if u.Role == RoleAdmin && !adminCan(u, Read, Resource{Kind: KindFollowup}) {
		return InvestScope{}, false
	}
	return InvestLedgerScope(u, anonymous)
}
