package web_test

import (
	"net/http"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestHolidayAPI: anyone reads the holiday calendar of the 公示 windows;
// the office (analyst, office head, administrator) keeps it.
func TestHolidayAPI(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		srv := start(t, db, testConfig(), webHooks())
		as := func(who string) client { return client{t: t, base: srv.url, token: f.tokens[who]} }
		var days []struct{ Day, Kind, Name string }
		r := as("").do("GET", "/api/v1/holidays?year=2024", nil)
		r.decode(t, &days)
		// 2024 (国办发明电〔2023〕7号): 元旦 1, 春节 8, 清明 3, 劳动节 5, 端午 1,
		// 中秋 3, 国庆 7 = 28 days off; 调休 workdays 2 + 1 + 2 + 1 + 2 = 8.
		if r.status != http.StatusOK || len(days) != 36 || days[0].Day != "2024-01-01" || days[1].Kind != "workday" {
			t.Fatalf("2024's calendar: %d, %d days, first %+v", r.status, len(days), days[:min(2, len(days))])
		}
		put := map[string]string{"kind": "holiday", "name": "国庆节"}
		for who, want := range map[string]int{"ana": http.StatusOK, "head": http.StatusOK, "root": http.StatusOK,
			"boss": http.StatusForbidden, "yz": http.StatusForbidden, "v": http.StatusForbidden, "": http.StatusUnauthorized} {
			if r := as(who).do("PUT", "/api/v1/holidays/2026-10-01", put); r.status != want {
				t.Errorf("PUT a holiday as %q: %d, want %d: %s", who, r.status, want, r.body)
			}
		}
		if r := as("ana").do("PUT", "/api/v1/holidays/2026-10-01", map[string]string{"kind": "bridge"}); r.status != http.StatusBadRequest {
			t.Errorf("an unknown kind: %d, want 400", r.status)
		}
		if r := as("ana").do("PUT", "/api/v1/holidays/10-01", put); r.status != http.StatusBadRequest {
			t.Errorf("a bad day: %d, want 400", r.status)
		}
		if r := as("ana").do("DELETE", "/api/v1/holidays/2026-10-01", nil); r.status != http.StatusNoContent {
			t.Errorf("DELETE: %d, want 204", r.status)
		}
		if r := as("ana").do("DELETE", "/api/v1/holidays/2026-10-01", nil); r.status != http.StatusNotFound {
			t.Errorf("DELETE again: %d, want 404", r.status)
		}
	})
}
