package auth

import "testing"

// TestChainMatrix: who may take each step of the office's chain, in every
// state, for the three roles of the chain and the others. An analyst is
// refused approval and publication whatever the state.
func TestChainMatrix(t *testing.T) {
	users := map[string]User{
		"admin":       {Name: "root", Role: RoleAdmin},
		"analyst":     {Name: "ana", Role: RoleAnalyst},
		"office_head": {Name: "head", Role: RoleOfficeHead},
		"approver":    {Name: "boss", Role: RoleApprover},
		"county":      {Name: "yz", Role: RoleCounty, Unit: "620123"},
		"viewer":      {Name: "v", Role: RoleViewer},
	}
	want := map[Action][]string{
		Transition: {"admin", "analyst", "office_head"},
		Notice:     {"admin", "office_head"},
		Approve:    {"admin", "approver"},
		Publish:    {"admin", "approver"},
		Write:      {"admin", "analyst", "office_head"},
	}
	for _, state := range RunStates {
		for action, who := range want {
			for name, u := range users {
				allowed := false
				for _, w := range who {
					allowed = allowed || w == name
				}
				if got := Can(u, action, Resource{Kind: KindRun, RunState: state, Visibility: VisFull}); got != allowed {
					t.Errorf("%s %s a run in %s = %v, want %v", name, action, state, got, allowed)
				}
			}
		}
	}
}

func TestMoveAction(t *testing.T) {
	cases := []struct {
		from, to RunState
		want     Action
	}{
		{StateDraft, StateReview, Transition},
		{StateReview, StateNotice, Notice},
		{StateNotice, StateObjections, Transition},
		{StateObjections, StateApproved, Approve},
		{StateApproved, StatePublished, Publish},
		{StateApproved, StateDraft, Approve}, // undoing an approval is the approver's
		{StateNotice, StateDraft, Transition},
	}
	for _, c := range cases {
		if got := MoveAction(c.from, c.to); got != c.want {
			t.Errorf("MoveAction(%s, %s) = %s, want %s", c.from, c.to, got, c.want)
		}
	}
}
