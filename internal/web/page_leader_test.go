package web_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestLeaderView: the leader's overview and a county's one-page profile
// need a login, carry the reader's name and the time as a watermark, list
// the award winners, and show the monitoring's red lights only to those
// who read the monitoring, each only her own units'.
func TestLeaderView(t *testing.T) {
	d := newDemoSite(t)
	mark := regexp.MustCompile(`([^\s<>]+) 查看 · (\d{4}-\d\d-\d\d \d\d:\d\d) · 内部资料`)

	t.Run("anonymous goes to the login", func(t *testing.T) {
		for _, p := range []string{"/leader", "/leader/620622", "/leader.xlsx"} {
			r := d.as(t, "").do("GET", p, nil)
			if r.status != 303 || !strings.HasPrefix(r.header.Get("Location"), "/login") {
				t.Errorf("%s: %d %s, want 303 to the login", p, r.status, r.header.Get("Location"))
			}
		}
	})
	t.Run("a viewer: winners, a watermark, no monitoring", func(t *testing.T) {
		r := d.as(t, "viewer").do("GET", "/leader", nil)
		if r.status != 200 {
			t.Fatalf("%d: %s", r.status, r.body)
		}
		body := string(r.body)
		m := mark.FindStringSubmatch(body)
		if m == nil || m[1] != "viewer" {
			t.Errorf("no watermark naming viewer: %v", m)
		}
		if n := strings.Count(body, `class="watermark leader-mark"`); n != 1 {
			t.Errorf("%d watermark layers, want 1", n)
		}
		if !strings.Contains(body, "十强县") || !strings.Contains(body, `href="/leader/`) {
			t.Error("no award winners with links to their profiles")
		}
		if !strings.Contains(body, "您的账号不查看月度监测") {
			t.Error("a viewer is not told that she reads no monitoring")
		}
	})
	t.Run("the office sees the red lights", func(t *testing.T) {
		body := string(d.as(t, "ana").do("GET", "/leader", nil).body)
		if strings.Contains(body, "您的账号不查看月度监测") || !strings.Contains(body, "月度监测中落后于进度的指标") {
			t.Error("the analyst gets no monitoring section")
		}
	})
	t.Run("a county sees her own red lights only", func(t *testing.T) {
		body := string(d.as(t, "liangzhou").do("GET", "/leader", nil).body)
		i := strings.Index(body, `id="lead-reds"`)
		j := strings.Index(body, `id="lead-counties"`)
		if i < 0 || j < i {
			t.Fatal("no red-light section")
		}
		for _, m := range regexp.MustCompile(`href="/leader/(\d+)"`).FindAllStringSubmatch(body[i:j], -1) {
			if m[1] != "620602" {
				t.Errorf("凉州区's user sees a red light of %s", m[1])
			}
		}
	})
	t.Run("a county's page", func(t *testing.T) {
		r := d.as(t, "viewer").do("GET", "/leader/620622", nil)
		if r.status != 200 || !strings.Contains(string(r.body), "古浪县") || mark.FindString(string(r.body)) == "" {
			t.Errorf("%d: no profile of 古浪县 under a watermark", r.status)
		}
		if r := d.as(t, "viewer").do("GET", "/leader/999999", nil); r.status != 404 {
			t.Errorf("an unknown county: %d, want 404", r.status)
		}
	})
	t.Run("the export carries the watermark", func(t *testing.T) {
		r := d.as(t, "boss").do("GET", "/leader.xlsx", nil)
		if r.status != 200 {
			t.Fatalf("%d: %s", r.status, r.body)
		}
		f, err := excelize.OpenReader(bytes.NewReader(r.body))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for _, sh := range f.GetSheetList() {
			a1, _ := f.GetCellValue(sh, "A1")
			if m := mark.FindStringSubmatch(a1); m == nil || m[1] != "王某某" {
				t.Errorf("%s!A1 = %q, want the watermark naming 王某某 (boss's display name)", sh, a1)
			}
			hf, err := f.GetHeaderFooter(sh)
			if err != nil || hf == nil || !strings.Contains(hf.OddHeader, "王某某") || !strings.Contains(hf.OddFooter, "王某某") {
				t.Errorf("%s: header and footer %+v, %v; want the watermark", sh, hf, err)
			}
		}
		rows, _ := f.GetRows(f.GetSheetList()[0])
		if len(rows) < 3 {
			t.Errorf("the award sheet has %d rows, want the mark, a header and winners", len(rows))
		}
	})
}
