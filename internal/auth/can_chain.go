package auth

import "slices"

// The industrial chains (issue 20).
const (
	KindChain       Kind = "chain"        // a chain's map, 链长, 专班, tasks and 链主
	KindChainTarget Kind = "chain_target" // a target enterprise of a weak node
)

// ChainTeam is what the chain rules need to know of a chain: the logins of
// its 专班 and its lead department.
type ChainTeam struct {
	Members  []string
	LeadDept string
}

// provinceWrites reports whether u writes for the province: an
// administrator (as her duty allows) or an analyst.
func provinceWrites(u User, k Kind) bool {
	return u.Role == RoleAdmin && adminCan(u, Write, Resource{Kind: k}) || u.Role == RoleAnalyst
}

// CanChain reports whether u may do a to a chain of team t. Reading is
// public — chain maps are published to attract investors — anonymous
// callers included. Writing is for the chain's 专班 (its members, and the
// users of its lead department) and the province.
func CanChain(u User, a Action, t ChainTeam) bool {
	if u.CheckScope() != nil {
		return false
	}
	switch a {
	case Read:
		return true
	case Write:
		return provinceWrites(u, KindChain) || InChainTeam(u, t)
	}
	return false
}

// InChainTeam reports whether u is of team t: a member by login, or a user
// of its lead department.
func InChainTeam(u User, t ChainTeam) bool {
	return u.Name != "" && slices.Contains(t.Members, u.Name) ||
		u.Role == RoleDepartment && t.LeadDept != "" && u.Department == t.LeadDept
}

// CanChainTarget reports whether u may do a to a target enterprise pursued
// by county on a chain of team t. Targets are internal: no anonymous
// caller and no viewer reads them. The provincial roles and departments
// read all, a prefecture reviewer her counties', a county its own, the
// chain's 专班 the chain's; the
// first-contact register on a target shows the other counties that met
// the firm, not their targets. Writing is the county's own (Unit equal to
// county), the chain's 专班 and the province.
func CanChainTarget(u User, anonymous bool, a Action, county string, t ChainTeam) bool {
	if anonymous || u.CheckScope() != nil {
		return false
	}
	switch a {
	case Read:
		if InChainTeam(u, t) {
			return true
		}
		switch u.Role {
		case RoleAdmin, RoleAnalyst, RoleOfficeHead, RoleApprover, RoleDepartment:
			return u.Role != RoleAdmin || adminCan(u, Read, Resource{Kind: KindChainTarget})
		case RolePrefecture:
			return (InvestScope{Prefecture: u.Unit}).Covers(county)
		case RoleCounty:
			return u.Unit == county
		}
	case Write:
		return provinceWrites(u, KindChainTarget) || u.Role == RoleCounty && u.Unit == county || InChainTeam(u, t)
	}
	return false
}

// ChainTargetsScope returns which counties' targets u reads whatever the
// chain: ok false for none (anonymous callers and viewers). A 专班 member
// reads her chain's targets besides (CanChainTarget).
func ChainTargetsScope(u User, anonymous bool) (covers func(county string) bool, ok bool) {
	if anonymous || u.CheckScope() != nil {
		return nil, false
	}
	switch u.Role {
	case RoleAdmin, RoleAnalyst, RoleOfficeHead, RoleApprover, RoleDepartment:
		if u.Role == RoleAdmin && !adminCan(u, Read, Resource{Kind: KindChainTarget}) {
			return nil, false
		}
		return func(string) bool { return true }, true
	case RolePrefecture:
		s := InvestScope{Prefecture: u.Unit}
		return s.Covers, true
	case RoleCounty:
		unit := u.Unit
		return func(c string) bool { return c == unit }, true
	}
	return nil, false
}
