package web_test

import (
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
)

var runRow = regexp.MustCompile(`<tr class="run" data-run="(\d+)" data-state="(\w+)">`)

// TestRunsPages: the list shows the two published demo runs to everyone;
// the comparison of 2021 and 2022 shows score and rank differences; the
// robustness page shows every county's interval.
func TestRunsPages(t *testing.T) {
	d := newWinnersDemoSite(t)
	r := d.as(t, "").do("GET", "/runs", nil)
	if r.status != http.StatusOK {
		t.Fatalf("GET /runs: %d %s", r.status, r.body)
	}
	rows := runRow.FindAllStringSubmatch(string(r.body), -1)
	if len(rows) != 2 || rows[0][2] != "published" || rows[1][2] != "published" {
		t.Errorf("/runs lists %v, want the two published runs", rows)
	}
	if strings.Contains(string(r.body), `method="post" action="/runs`) {
		t.Error("/runs offers state or create forms to an anonymous user")
	}
	r = d.as(t, "").do("GET", "/runs/compare?a=1&b=2", nil)
	if r.status != http.StatusOK {
		t.Fatalf("GET /runs/compare: %d %s", r.status, r.body)
	}
	body := string(r.body)
	// The public sees 2021's winners only: the rows of the others have no
	// 2021 side; 肃州区 (a 2021 winner) moved as the demo's results say
	// (examples/gansu/result-2021.csv and the CLI's 2022 golden file).
	r21, r22 := demoRank(t, "../../examples/gansu/result-2021.csv", "620902"), demoRank(t, "../cli/testdata/gansu/result-2022.csv", "620902")
	if !regexp.MustCompile(`<tr data-unit="620902">.*?<td class="n">` + r21 + `</td><td class="n">` + r22 + `</td><td class="n" data-v="`).MatchString(body) {
		t.Errorf("the comparison lacks 肃州区 going from %s to %s", r21, r22)
	}
	if n := strings.Count(body, "<tr data-unit="); n != 86 {
		t.Errorf("the comparison has %d rows, want 86", n)
	}
	if !strings.Contains(body, `id="summary"`) {
		t.Error("the comparison has no summary")
	}
	r = d.as(t, "").do("GET", "/runs/2/robustness", nil)
	if r.status != http.StatusOK || strings.Count(string(r.body), "<tr data-unit=") != 86 {
		t.Errorf("GET /runs/2/robustness: %d, %d rows", r.status, strings.Count(string(r.body), "<tr data-unit="))
	}
	// The stability against 2021 over the counties the public sees in both.
	if !regexp.MustCompile(`<p id="stability">与上年名次相比（\d+ 个县区）：Spearman 相关系数 0\.\d\d，平均变动 \d+\.\d\d 位，最大变动 \d+ 位。</p>`).Match(r.body) {
		t.Errorf("/runs/2/robustness lacks the stability figures")
	}
	// 2021 publishes its winners only: the public sees their intervals.
	r = d.as(t, "").do("GET", "/runs/1/robustness", nil)
	if n := strings.Count(string(r.body), "<tr data-unit="); r.status != http.StatusOK || n == 0 || n >= 86 {
		t.Errorf("GET /runs/1/robustness anonymously: %d, %d rows, want the winners only", r.status, n)
	}
	for _, bad := range []string{"/runs/compare?a=1", "/runs/99/robustness", "/runs/compare?a=1&b=99"} {
		if r := d.as(t, "").do("GET", bad, nil); r.status < 400 {
			t.Errorf("GET %s: %d, want an error", bad, r.status)
		}
	}
}

// TestRunsStateForms: the office moves a run with the page's forms, each
// step by its role; those without the right are refused and nothing
// changes.
func TestRunsStateForms(t *testing.T) {
	d := newDemoSite(t)
	run := d.newRun(t, auth.StateDraft)
	id := strconv.FormatInt(run.ID, 10)
	post := func(user, path string, kv ...string) response {
		return d.as(t, user).do("POST", path, form(kv...))
	}
	if r := post("liangzhou", "/runs/"+id+"/state", "state", "review"); r.status != http.StatusForbidden {
		t.Errorf("a county user moving a draft: %d, want 403", r.status)
	}
	if r := post("", "/runs/"+id+"/state", "state", "review"); r.status != http.StatusUnauthorized {
		t.Errorf("anonymous moving a draft: %d, want 401", r.status)
	}
	if r := post("ana", "/runs/"+id+"/visibility", "visibility", "full"); r.status != http.StatusSeeOther {
		t.Errorf("setting the visibility: %d %s", r.status, r.body)
	}
	page := d.as(t, "ana").do("GET", "/runs", nil)
	if !strings.Contains(string(page.body), `action="/runs/`+id+`/state"`) {
		t.Error("/runs offers the analyst no state form")
	}
	// Each step by its role: the analyst sends to review, the office head
	// opens the 公示, which the run may not leave before it closes; the
	// analyst may not approve.
	for _, step := range []struct{ who, state string }{{"ana", "review"}, {"head", "notice"}} {
		r := post(step.who, "/runs/"+id+"/state", "state", step.state)
		if r.status != http.StatusSeeOther || r.header.Get("Location") != "/runs?done="+id {
			t.Fatalf("moving to %s: %d %q %s", step.state, r.status, r.header.Get("Location"), r.body)
		}
	}
	if r := post("ana", "/runs/"+id+"/state", "state", "objections"); r.status != http.StatusConflict {
		t.Errorf("leaving the 公示 at once: %d, want 409", r.status)
	}
	if r := post("ana", "/runs/"+id+"/state", "state", "approved", "meeting", "领导小组会议", "minute_no", "1", "meeting_date", "2026-01-01"); r.status != http.StatusForbidden {
		t.Errorf("the analyst approving: %d, want 403", r.status)
	}
	got, err := d.db.Run(ctx, run.ID)
	must(t, err)
	if got.State != auth.StateNotice || got.Visibility != auth.VisFull {
		t.Errorf("the run is %s at %s, want notice at full", got.State, got.Visibility)
	}
	id = strconv.FormatInt(d.newRun(t, auth.StatePublished).ID, 10)
	if r := post("ana", "/runs/"+id+"/state", "state", "draft"); r.status != http.StatusConflict {
		t.Errorf("moving a published run: %d, want 409", r.status)
	}
	if r := post("ana", "/runs", "method", "1", "period", "2022", "note", "x"); r.status != http.StatusSeeOther {
		t.Errorf("computing a run with the form: %d %s", r.status, r.body)
	}
	if r := post("viewer", "/runs", "method", "1", "period", "2022"); r.status != http.StatusForbidden {
		t.Errorf("a viewer computing a run: %d, want 403", r.status)
	}
}

// demoRank returns unit's overall rank in a result file of the demo (the
// row of the top node without a group).
func demoRank(t *testing.T, path, unit string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		c := strings.Split(line, ",")
		if len(c) > 6 && c[0] == unit && c[1] == "total" && c[5] == "" {
			return c[4]
		}
	}
	t.Fatalf("%s: no overall rank of %s", path, unit)
	return ""
}
