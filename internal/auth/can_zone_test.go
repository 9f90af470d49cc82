package auth

import "testing"

func TestCanZone(t *testing.T) {
	zone := Resource{Kind: KindZone, Unit: "GJ01"}
	for _, tc := range []struct {
		name string
		u    User
		a    Action
		want bool
	}{
		{"anonymous reads", Anonymous, Read, true},
		{"anonymous writes", Anonymous, Write, false},
		{"county reads", User{Name: "c", Role: RoleCounty, Unit: "620102"}, Read, true},
		{"county writes", User{Name: "c", Role: RoleCounty, Unit: "620102"}, Write, false},
		{"analyst writes", User{Name: "a", Role: RoleAnalyst}, Write, true},
		{"admin writes", User{Name: "root", Role: RoleAdmin}, Write, true},
		{"admin publishes nothing here", User{Name: "root", Role: RoleAdmin}, Publish, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := CanZone(tc.u, tc.a, zone); got != tc.want {
				t.Errorf("CanZone = %v, want %v", got, tc.want)
			}
		})
	}
	if CanZone(User{Name: "root", Role: RoleAdmin}, Read, Resource{Kind: KindRun}) {
		t.Error("CanZone granted a run")
	}
}
