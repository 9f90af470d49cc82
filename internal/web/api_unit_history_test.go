package web_test

import (
	"net/http"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestUnitHistoryAcrossCodes: a recorded recode (撤县设区) links the old and
// the new code, from either end.
func TestUnitHistoryAcrossCodes(t *testing.T) {
	db := storetest.MustOpen(t)
	f := load(t, db)
	srv := start(t, db, testConfig(), webHooks())
	c := client{t: t, base: srv.url, token: f.tokens["ana"]}
	r := c.do("POST", "/api/v1/unit-changes", map[string]string{"kind": "recode", "from": "620123", "to": "620102",
		"effective": "2024-01-01", "document": "国函〔2023〕99号"})
	if r.status != http.StatusCreated {
		t.Fatalf("record the change: %d %s", r.status, r.body)
	}
	if r := c.do("POST", "/api/v1/unit-changes", map[string]string{"kind": "rename", "from": "620123", "to": "620102", "effective": "2024-01-01"}); r.status != http.StatusBadRequest {
		t.Errorf("an unknown kind: %d, want 400", r.status)
	}
	for _, code := range []string{"620123", "620102"} {
		var h struct {
			Units []struct {
				Code string `json:"code"`
			} `json:"units"`
			Changes []struct {
				From, To, Effective, Document string
			} `json:"changes"`
		}
		client{t: t, base: srv.url}.do("GET", "/api/v1/units/"+code+"/history", nil).decode(t, &h)
		if len(h.Units) != 2 || len(h.Changes) != 1 || h.Changes[0].From != "620123" || h.Changes[0].To != "620102" ||
			h.Changes[0].Effective != "2024-01-01" || h.Changes[0].Document != "国函〔2023〕99号" {
			t.Errorf("history of %s: %+v", code, h)
		}
	}
}
