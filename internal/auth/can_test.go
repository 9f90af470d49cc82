package auth

import (
	"fmt"
	"testing"
)

func TestCan(t *testing.T) {
	var (
		admin    = User{Name: "root", Role: RoleAdmin}
		analyst  = User{Name: "ana", Role: RoleAnalyst}
		stats    = User{Name: "tjj", Role: RoleDepartment, Department: "统计局"}
		lanzhou  = User{Name: "lz", Role: RolePrefecture, Unit: "620100"}
		yuzhong  = User{Name: "yz", Role: RoleCounty, Unit: "620123"}
		viewer   = User{Name: "v", Role: RoleViewer}
		noScope  = User{Name: "bad", Role: RoleCounty}
		badRole  = User{Name: "x", Role: "root"}
		anon     = Anonymous
		statsObs = Resource{Kind: KindObservation, Unit: "620123", Prefecture: "620100", Department: "统计局"}
		finObs   = Resource{Kind: KindObservation, Unit: "620123", Prefecture: "620100", Department: "财政厅"}
		otherObs = Resource{Kind: KindObservation, Unit: "620821", Prefecture: "620800", Department: "统计局"}
		ownUser  = Resource{Kind: KindUser, Username: "yz"}
		system   = Resource{Kind: KindSystem}
	)
	run := func(s RunState, v Visibility) Resource { return Resource{Kind: KindRun, RunState: s, Visibility: v} }
	result := func(s RunState, v Visibility, unit, pref string, winner bool) Resource {
		return Resource{Kind: KindResult, RunState: s, Visibility: v, Unit: unit, Prefecture: pref, Winner: winner}
	}
	tests := []struct {
		name string
		u    User
		a    Action
		r    Resource
		want bool
	}{
		{"admin does anything", admin, Publish, run(StateApproved, VisNone), true},
		{"admin backs up", admin, Write, system, true},
		{"admin reads the audit log", admin, Read, Resource{Kind: KindAudit}, true},
		{"analyst imports figures", analyst, Write, finObs, true},
		{"analyst may not publish", analyst, Publish, run(StateApproved, VisFull), false},
		{"analyst moves a run", analyst, Transition, run(StateDraft, VisNone), true},
		{"analyst reads draft results", analyst, Read, result(StateDraft, VisNone, "620123", "620100", false), true},
		{"analyst cannot manage users", analyst, Write, Resource{Kind: KindUser, Username: "yz"}, false},
		{"analyst cannot read audit", analyst, Read, Resource{Kind: KindAudit}, false},
		{"analyst cannot back up", analyst, Write, system, false},
		{"analyst does not confirm for a county", analyst, Confirm, statsObs, false},
		{"department writes its indicator", stats, Write, statsObs, true},
		{"department writes its indicator for any unit", stats, Write, otherObs, true},
		{"department cannot write another department's indicator", stats, Write, finObs, false},
		{"department cannot read another department's indicator", stats, Read, finObs, false},
		{"department writes its events", stats, Write, Resource{Kind: KindEvent, Department: "统计局"}, true},
		{"department cannot write others' events", stats, Write, Resource{Kind: KindEvent, Department: "生态环境厅"}, false},
		{"department reads its targets", stats, Read, Resource{Kind: KindTarget, Department: "统计局"}, true},
		{"department cannot write targets", stats, Write, Resource{Kind: KindTarget, Department: "统计局"}, false},
		{"department reviews results", stats, Read, result(StateReview, VisNone, "620123", "620100", false), true},
		{"department cannot see drafts", stats, Read, result(StateDraft, VisNone, "620123", "620100", false), false},
		{"department cannot publish", stats, Publish, run(StateApproved, VisFull), false},
		{"prefecture reads her county's figures", lanzhou, Read, statsObs, true},
		{"prefecture confirms her county's figures", lanzhou, Confirm, statsObs, true},
		{"prefecture cannot read another prefecture's county", lanzhou, Read, otherObs, false},
		{"prefecture cannot write figures", lanzhou, Write, statsObs, false},
		{"prefecture reads her county's results in notice", lanzhou, Read, result(StateNotice, VisNone, "620123", "620100", false), true},
		{"prefecture cannot read other results in notice", lanzhou, Read, result(StateNotice, VisNone, "620821", "620800", false), false},
		{"county reads own figures", yuzhong, Read, statsObs, true},
		{"county confirms own figures", yuzhong, Confirm, statsObs, true},
		{"county objects to own figures", yuzhong, Object, finObs, true},
		{"county cannot write own figures", yuzhong, Write, statsObs, false},
		{"county cannot read another county's figures", yuzhong, Read, otherObs, false},
		{"county cannot confirm another county's figures", yuzhong, Confirm, otherObs, false},
		{"county reads own unpublished results", yuzhong, Read, result(StateObjections, VisNone, "620123", "620100", false), true},
		// Objections to results arrive by stamped letter, which the office registers.
		{"county does not object on the web", yuzhong, Object, result(StateNotice, VisNone, "620123", "620100", false), false},
		{"county cannot object after approval", yuzhong, Object, result(StateApproved, VisNone, "620123", "620100", false), false},
		{"county cannot read another county's unpublished results", yuzhong, Read, result(StateNotice, VisNone, "620821", "620800", false), false},
		{"county cannot read own results in review", yuzhong, Read, result(StateReview, VisNone, "620123", "620100", false), false},
		{"county reads own published results at visibility none", yuzhong, Read, result(StatePublished, VisNone, "620123", "620100", false), true},
		{"county reads another's published results at full", yuzhong, Read, result(StatePublished, VisFull, "620821", "620800", false), true},
		{"county changes own password", yuzhong, Write, ownUser, true},
		{"county cannot change another password", yuzhong, Write, Resource{Kind: KindUser, Username: "lz"}, false},
		{"viewer reads a full published table", viewer, Read, result(StatePublished, VisFull, "620821", "620800", false), true},
		{"viewer reads winners at winners", viewer, Read, result(StatePublished, VisWinners, "620821", "620800", true), true},
		{"viewer cannot read non-winners at winners", viewer, Read, result(StatePublished, VisWinners, "620821", "620800", false), false},
		{"viewer cannot read at visibility none", viewer, Read, result(StatePublished, VisNone, "620821", "620800", true), false},
		{"viewer reads a run in notice", viewer, Read, run(StateNotice, VisFull), true},
		{"viewer reads results in notice as visibility allows", viewer, Read, result(StateNotice, VisFull, "620821", "620800", false), true},
		{"viewer reads the proposed awards in notice", viewer, Read, result(StateNotice, VisNone, "620821", "620800", true), true},
		{"viewer reads no other row in notice at none", viewer, Read, result(StateNotice, VisNone, "620821", "620800", false), false},
		{"viewer cannot read a run under review", viewer, Read, run(StateReview, VisFull), false},
		{"viewer reads a superseded run", viewer, Read, result(StateSuperseded, VisFull, "620821", "620800", false), true},
		{"viewer reads the unit catalogue", viewer, Read, Resource{Kind: KindUnit}, true},
		{"viewer cannot write", viewer, Write, Resource{Kind: KindUnit}, false},
		{"anonymous reads a published run", anon, Read, run(StatePublished, VisWinners), true},
		// The notice is always public: visibility removes rows, not the document.
		{"anonymous reads the notice of a hidden run", anon, Read, run(StatePublished, VisNone), true},
		{"anonymous reads no row of a hidden run", anon, Read, result(StatePublished, VisNone, "620821", "620800", true), false},
		{"anonymous cannot read figures", anon, Read, statsObs, false},
		{"anonymous has no account", anon, Write, Resource{Kind: KindUser}, false},
		{"county without a unit gets nothing", noScope, Read, statsObs, false},
		{"unknown role gets nothing", badRole, Read, Resource{Kind: KindUnit}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Can(tt.u, tt.a, tt.r); got != tt.want {
				t.Errorf("Can(%+v, %s, %+v) = %v, want %v", tt.u, tt.a, tt.r, got, tt.want)
			}
		})
	}
}

// TestCanViewerNeverWrites checks the whole action × kind grid for the
// roles that only read: any grant of a non-read action is a leak.
func TestCanViewerNeverWrites(t *testing.T) {
	kinds := []Kind{KindUnit, KindIndicator, KindObservation, KindEvent, KindTarget, KindMethod, KindRun, KindResult, KindUser, KindAudit, KindSystem}
	actions := []Action{Write, Confirm, Object, Transition, Publish}
	for _, u := range []User{Anonymous, {Name: "v", Role: RoleViewer}} {
		for _, k := range kinds {
			for _, a := range actions {
				for _, s := range RunStates {
					r := Resource{Kind: k, RunState: s, Visibility: VisFull, Winner: true}
					if Can(u, a, r) {
						t.Errorf("%q may %s %s in state %s", u.Name, a, k, s)
					}
				}
			}
		}
	}
}

func TestCheckScope(t *testing.T) {
	tests := []struct {
		u  User
		ok bool
	}{
		{User{Role: RoleAdmin}, true},
		{User{Role: RoleAdmin, Unit: "620100"}, false},
		{User{Role: RoleDepartment, Department: "统计局"}, true},
		{User{Role: RoleDepartment}, false},
		{User{Role: RolePrefecture, Unit: "620100"}, true},
		{User{Role: RoleCounty, Unit: "620123", Department: "统计局"}, false},
		{User{Role: "boss"}, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%+v", tt.u), func(t *testing.T) {
			if err := tt.u.CheckScope(); (err == nil) != tt.ok {
				t.Errorf("CheckScope() = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}
