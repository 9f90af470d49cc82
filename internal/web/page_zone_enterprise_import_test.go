package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/seed"
)

// TestZoneEnterpriseImportForm: the office imports the zones' enterprises
// through the form on /zones. A table naming a zone not in the registry is
// refused at its cell and nothing changes; a good table of the demo's
// graded year replaces that year's enterprises of the zone it names (GJ01)
// as a new revision, the other zones' kept, and the year is graded again
// with its scheme; a county, a viewer and the public
// neither see the form nor may post it.
func TestZoneEnterpriseImportForm(t *testing.T) {
	d := newDemoSite(t)
	year := seed.ZoneEnterpriseYear
	before, err := d.db.ZoneEnterpriseRevisions(ctx, year)
	if err != nil || len(before) == 0 {
		t.Fatalf("the demo's revisions of %d: %v, %v", year, before, err)
	}
	all, err := d.db.ZoneEnterprises(ctx, year, "")
	if err != nil {
		t.Fatal(err)
	}
	gj01, err := d.db.ZoneEnterprises(ctx, year, "GJ01")
	if err != nil || len(gj01) < 3 {
		t.Fatalf("the demo's enterprises of GJ01 in %d: %d, %v", year, len(gj01), err)
	}
	const header = "year,uscc,name,zone,land_owned,start_year,tax\n"
	good := header + "2024,91620100070001111Q,示例甲材料公司,GJ01,10,2015,120\n" +
		"2024,91620100070002222R,示例乙化工公司,GJ01,8,2016,100\n"
	// Row 2 of the data is line 3 of the file; zone is the 4th column.
	bad := header + "2024,91620100070001111Q,示例甲材料公司,GJ01,10,2015,120\n" +
		"2024,91620100070002222R,示例乙化工公司,ZZ99,8,2016,100\n"

	if body := string(d.as(t, "ana").do("GET", "/zones", nil).body); !strings.Contains(body, `id="zent-import"`) {
		t.Error("the analyst's /zones has no import form")
	}
	for _, u := range []string{"", "viewer", "liangzhou"} {
		if body := string(d.as(t, u).do("GET", "/zones", nil).body); strings.Contains(body, `id="zent-import"`) {
			t.Errorf("%q sees the import form", u)
		}
		if r := d.as(t, u).do("POST", "/zones/enterprises/import", upload(t, "e.csv", good, nil)); r.status != http.StatusForbidden && r.status != http.StatusUnauthorized {
			t.Errorf("%q posting the import: %d", u, r.status)
		}
	}

	r := d.as(t, "ana").do("POST", "/zones/enterprises/import", upload(t, "bad.csv", bad, nil))
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(string(r.body), "bad.csv:3:4") || !strings.Contains(string(r.body), "ZZ99") {
		t.Errorf("the bad table: %d %s", r.status, r.body)
	}
	if after, _ := d.db.ZoneEnterpriseRevisions(ctx, year); len(after) != len(before) {
		t.Errorf("the refused table made a revision: %d, was %d", len(after), len(before))
	}

	r = d.as(t, "ana").do("POST", "/zones/enterprises/import", upload(t, "good.csv", good, nil))
	body := string(r.body)
	if r.status != http.StatusOK || !strings.Contains(body, "2 家") || !strings.Contains(body, "重新分类") {
		t.Fatalf("the good table: %d %s", r.status, body)
	}
	if es, err := d.db.ZoneEnterprises(ctx, year, "GJ01"); err != nil || len(es) != 2 {
		t.Fatalf("the enterprises of GJ01 in %d after the import: %d, %v", year, len(es), err)
	}
	want := len(all) - len(gj01) + 2
	if es, err := d.db.ZoneEnterprises(ctx, year, ""); err != nil || len(es) != want {
		t.Fatalf("the enterprises of %d after the import: %d, want %d (%d − %d of GJ01 + 2), %v", year, len(es), want, len(all), len(gj01), err)
	}
	if after, _ := d.db.ZoneEnterpriseRevisions(ctx, year); len(after) != len(before)+1 || after[0].Rows != 2 || after[0].Source != "good.csv" {
		t.Errorf("the revisions after the import: %+v", after)
	}
	g, err := d.db.ZoneEnterpriseGrades(ctx, year, "GJ01")
	if err != nil || len(g.Grades) != 2 {
		t.Errorf("the grading of GJ01 after the import: %d grades, %v", len(g.Grades), err)
	}

	// Without a year column the year must be given.
	noYear := "uscc,name,zone,land_owned,start_year,tax\n91620100070001111Q,示例甲材料公司,GJ01,10,2015,120\n"
	if r := d.as(t, "ana").do("POST", "/zones/enterprises/import", upload(t, "n.csv", noYear, nil)); r.status != http.StatusUnprocessableEntity {
		t.Errorf("a table without a year column and no year: %d %s", r.status, r.body)
	}
	if r := d.as(t, "ana").do("POST", "/zones/enterprises/import", upload(t, "n.csv", noYear, map[string]string{"year": "2031"})); r.status != http.StatusOK {
		t.Errorf("a table without a year column, year 2031: %d %s", r.status, r.body)
	}
}
