package web_test

import (
	"net/http"
	"testing"
)

// TestAuthzLeader: the leader's view needs a login (it carries the
// reader's name); every logged-in role reads it, within what she may see
// of the run; an anonymous caller goes to the login form.
func TestAuthzLeader(t *testing.T) {
	d := newDemoSite(t)
	for _, path := range []string{"/leader", "/leader/620622", "/leader.xlsx"} {
		for _, c := range []struct {
			user string
			want int
		}{
			{"", http.StatusSeeOther},
			{"viewer", http.StatusOK},
			{"chengguan", http.StatusOK}, // the demo's 2022 run is published with its full table
			{"tjj", http.StatusOK},
			{"ana", http.StatusOK},
			{"boss", http.StatusOK},
		} {
			if r := d.as(t, c.user).do("GET", path, nil); r.status != c.want {
				t.Errorf("%q GET %s: %d, want %d", c.user, path, r.status, c.want)
			}
		}
	}
}
