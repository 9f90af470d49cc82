package web_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// runRowOf returns the row of run id in the /runs page, "" when absent.
func runRowOf(body []byte, id int64) string {
	m := regexp.MustCompile(`(?s)<tr class="run" data-run="` + strconv.FormatInt(id, 10) + `".*?</tr>`).Find(body)
	return string(m)
}

// TestPageCacheFollowsChanges reads cached pages, changes the records they
// show — a run's visibility and state, a figure — and reads them again:
// the next request shows the change (the change generation moved).
func TestPageCacheFollowsChanges(t *testing.T) {
	d := newDemoSite(t)
	ana := d.as(t, "ana")
	a := store.Actor{Username: "test"}
	run := d.newRun(t, auth.StateApproved)
	get := func(c client, path string) []byte {
		t.Helper()
		r := c.do("GET", path, nil)
		if r.status != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, r.status, r.body)
		}
		return r.body
	}
	steps := []struct {
		name   string
		change func()
		want   []string // in the run's row of /runs
	}{
		{"as computed", func() {}, []string{`data-state="approved"`, "不公开"}},
		{"visibility set", func() { must(t, d.db.SetVisibility(ctx, a, run.ID, auth.VisFull)) }, []string{`data-state="approved"`, "公开完整排名"}},
		{"published", func() {
			_, err := d.db.Transition(ctx, storetest.Approver, run.ID, auth.StatePublished, "")
			must(t, err)
		}, []string{`data-state="published"`, "公开完整排名"}},
	}
	for _, s := range steps {
		s.change()
		for range 2 { // the second read comes from the cache
			row := runRowOf(get(ana, "/runs"), run.ID)
			for _, w := range s.want {
				if !strings.Contains(row, w) {
					t.Errorf("%s: the row of run %d lacks %q: %s", s.name, run.ID, w, row)
				}
			}
		}
	}
	// The public dashboard and rankings move to the newly published run.
	for _, path := range []string{"/rankings", "/"} {
		if body := get(d.as(t, ""), path); !strings.Contains(string(body), "run="+strconv.FormatInt(run.ID, 10)) &&
			!strings.Contains(string(body), `value="`+strconv.FormatInt(run.ID, 10)+`" selected`) {
			t.Errorf("%s does not show run %d after its publication", path, run.ID)
		}
	}
	// A figure corrected: the county's /confirm shows the new value.
	cg := d.as(t, "chengguan")
	const period, value = "2022", "987654.321"
	if strings.Contains(string(get(cg, "/confirm?period="+period)), value) {
		t.Fatalf("/confirm shows %s before it was imported", value)
	}
	v, _ := strconv.ParseFloat(value, 64)
	_, err := d.db.ImportObservations(ctx, a, store.RevisionNote{Kind: "import"},
		[]store.Observation{{Unit: "620102", Indicator: "agri_output", Period: period, Value: v}})
	must(t, err)
	if !strings.Contains(string(get(cg, "/confirm?period="+period)), value) {
		t.Errorf("/confirm does not show the corrected figure %s", value)
	}
}

// TestPageCacheScope reads a county's profile in a run in 公示 (only the
// county itself may read its row) as the county first, so that the page is
// in the cache, then as everybody else: nobody else gets it.
func TestPageCacheScope(t *testing.T) {
	d := newDemoSite(t)
	run := d.newRun(t, auth.StateNotice)
	path := "/counties/620102?run=" + strconv.FormatInt(run.ID, 10)
	for range 2 {
		r := d.as(t, "chengguan").do("GET", path, nil)
		if r.status != http.StatusOK || !strings.Contains(string(r.body), "城关区") {
			t.Fatalf("the county's own profile: %d", r.status)
		}
	}
	for _, user := range []string{"liangzhou", "viewer", ""} {
		r := d.as(t, user).do("GET", path, nil)
		if r.status == http.StatusOK {
			t.Errorf("%q got the profile of 城关区 in run %d in 公示 (cached for chengguan)", user, run.ID)
		}
	}
	// Without ?run= the others get the newest run they may read, not the
	// one in 公示.
	for _, user := range []string{"liangzhou", "viewer", ""} {
		r := d.as(t, user).do("GET", "/counties/620102", nil)
		if r.status != http.StatusOK {
			t.Fatalf("%q: /counties/620102: %d", user, r.status)
		}
		if strings.Contains(string(r.body), `value="`+strconv.FormatInt(run.ID, 10)+`" selected`) {
			t.Errorf("%q sees run %d on the profile of 城关区", user, run.ID)
		}
	}
	// The provincial office and departments, who may read the run from
	// review on, get it.
	for _, user := range []string{"ana", "tjj"} {
		if r := d.as(t, user).do("GET", path, nil); r.status != http.StatusOK {
			t.Errorf("%q: %d", user, r.status)
		}
	}
}

// TestCachedPageGzip reads a page plain, then again and again accepting
// gzip: once the whole page is kept it comes gzipped, and unzipped it is
// the very page read plain.
func TestCachedPageGzip(t *testing.T) {
	d := newDemoSite(t)
	c := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	get := func(enc string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", d.url+"/rankings", nil)
		req.Header.Set("Accept-Encoding", enc)
		resp, err := c.Do(req)
		must(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		must(t, err)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET /rankings: %d", resp.StatusCode)
		}
		return resp, b
	}
	_, plain := get("identity")
	var zipped []byte
	for range 3 { // computed, framed, then kept whole
		resp, b := get("gzip, deflate")
		if resp.Header.Get("Content-Encoding") == "gzip" {
			zipped = b
		}
	}
	if zipped == nil {
		t.Fatal("the kept page never came gzipped")
	}
	zr, err := gzip.NewReader(bytes.NewReader(zipped))
	must(t, err)
	unzipped, err := io.ReadAll(zr)
	must(t, err)
	if !bytes.Equal(unzipped, plain) || len(zipped) >= len(plain)/2 {
		t.Errorf("gzipped %d bytes unzip to %d bytes, equal to the plain page (%d bytes): %v",
			len(zipped), len(unzipped), len(plain), bytes.Equal(unzipped, plain))
	}
	// Without gzip in Accept-Encoding the kept page comes plain.
	if resp, b := get("identity"); resp.Header.Get("Content-Encoding") != "" || !bytes.Equal(b, plain) {
		t.Errorf("identity: Content-Encoding %q, %d bytes", resp.Header.Get("Content-Encoding"), len(b))
	}
}
