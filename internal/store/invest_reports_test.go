package store_test

import (
	"errors"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestInvestReportFlow walks one county's report of June 2024 through the
// levels: saved and submitted before the deadline, returned by the
// prefecture with an opinion, corrected, passed by the prefecture and by
// the province — whose pass puts the project into the ledger — then the
// month locks at its deadline until the province reopens it.
func TestInvestReportFlow(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2024, 7, 5, 9, 0, 0, 0, time.UTC)
		db.SetClock(func() time.Time { return now })
		deadline := time.Date(2024, 7, 10, 0, 0, 0, 0, time.UTC)
		const month invest.Month = 202406
		if err := db.PutInvestMonth(ctx, alice, month, deadline); err != nil {
			t.Fatal(err)
		}
		act := func(by invest.ReportLevel, a invest.ReportAction, opinion string) (store.InvestReport, error) {
			return db.ActOnInvestReport(ctx, alice, store.InvestReportAction{Month: month, County: "620622", By: by, Act: a,
				Opinion: opinion, Projects: "项目编号\nP1\n", Funds: "项目编号\n"})
		}
		step := func(by invest.ReportLevel, a invest.ReportAction, opinion string, state invest.ReportState, level invest.ReportLevel) {
			t.Helper()
			r, err := act(by, a, opinion)
			if err != nil {
				t.Fatalf("%s by %s: %v", a, by, err)
			}
			if r.State != state || r.Level != level {
				t.Fatalf("%s by %s: %s at %s, want %s at %s", a, by, r.State, r.Level, state, level)
			}
		}
		step(invest.AtCounty, invest.ActSave, "", invest.ReportSaved, invest.AtCounty)
		step(invest.AtCounty, invest.ActSubmit, "", invest.ReportInReview, invest.AtPrefecture)
		if _, err := act(invest.AtPrefecture, invest.ActReturn, ""); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("a return without an opinion: %v", err)
		}
		step(invest.AtPrefecture, invest.ActReturn, "缺少到位凭证", invest.ReportReturned, invest.AtCounty)
		step(invest.AtCounty, invest.ActSubmit, "", invest.ReportInReview, invest.AtPrefecture)
		if _, err := act(invest.AtProvince, invest.ActPass, ""); !errors.Is(err, store.ErrConflict) {
			t.Errorf("the province before the prefecture: %v", err)
		}
		step(invest.AtPrefecture, invest.ActPass, "", invest.ReportInReview, invest.AtProvince)
		// The province's pass imports the project; six steps: save, submit,
		// return, submit, pass, pass (refused actions leave none).
		p := invest.Project{ID: "P1", Name: "示例项目", County: "620622", InvestorLoc: "310115", Signed: 20240615, Amount: invest.AmountScale}
		r, err := db.ActOnInvestReport(ctx, alice, store.InvestReportAction{Month: month, County: "620622", By: invest.AtProvince,
			Act: invest.ActPass, LedgerProjects: []invest.Project{p}})
		if err != nil || r.State != invest.ReportPassed || r.Revision == 0 {
			t.Fatalf("province pass: %+v %v", r, err)
		}
		if got, _, err := db.InvestProject(ctx, "P1"); err != nil || got.Name != "示例项目" {
			t.Errorf("the passed project in the ledger: %+v %v", got, err)
		}
		steps, err := db.InvestReportSteps(ctx, r.ID)
		if err != nil || len(steps) != 6 || steps[2].Opinion != "缺少到位凭证" || steps[2].State != invest.ReportReturned {
			t.Errorf("steps %+v %v", steps, err)
		}
		// Another county after the deadline: locked, then reopened.
		now = deadline.Add(time.Hour)
		other := store.InvestReportAction{Month: month, County: "620602", By: invest.AtCounty, Act: invest.ActSave}
		if _, err := db.ActOnInvestReport(ctx, alice, other); !errors.Is(err, store.ErrConflict) {
			t.Errorf("after the deadline: %v", err)
		}
		if err := db.ReopenInvestMonth(ctx, alice, month, now.Add(24*time.Hour), ""); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("reopening without a reason: %v", err)
		}
		if err := db.ReopenInvestMonth(ctx, alice, month, now.Add(24*time.Hour), "凉州区系统故障"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ActOnInvestReport(ctx, alice, other); err != nil {
			t.Errorf("reopened: %v", err)
		}
		waiting, err := db.InvestReports(ctx, store.InvestReportFilter{Prefecture: "620600", State: invest.ReportSaved})
		if err != nil || len(waiting) != 1 || waiting[0].County != "620602" {
			t.Errorf("saved reports of 武威: %+v %v", waiting, err)
		}
		if m, any, err := db.InvestPublishedThrough(ctx); err != nil || m != 0 || !any {
			t.Errorf("published through %v %v %v", m, any, err)
		}
		if err := db.PublishInvestMonth(ctx, alice, month); err != nil {
			t.Fatal(err)
		}
		if m, _, _ := db.InvestPublishedThrough(ctx); m != month {
			t.Errorf("published through %v", m)
		}
		// First contacts: 凉州区 meets the investor 古浪县 met first.
		const code = "91310000MA1FL0001R"
		if _, others, err := db.RegisterInvestContact(ctx, alice, store.InvestContact{InvestorCode: code, County: "620622", Day: 20240601}); err != nil || len(others) != 0 {
			t.Fatalf("first contact: %v %v", others, err)
		}
		if _, others, err := db.RegisterInvestContact(ctx, alice, store.InvestContact{InvestorCode: code, County: "620602", Day: 20240610}); err != nil || len(others) != 1 || others[0].County != "620622" {
			t.Errorf("second county: %+v %v", others, err)
		}
		// 凉州区's register: the investor, met first by 古浪县 on 2024-06-01.
		cs, err := db.InvestContactsOf(ctx, "620602")
		if err != nil || len(cs) != 1 || cs[0].Elsewhere != 1 || cs[0].FirstCounty != "620622" || cs[0].FirstContact != 20240601 {
			t.Errorf("凉州区's register: %+v %v", cs, err)
		}
		// 古浪县 was first: no earlier contact, one elsewhere.
		if cs, err := db.InvestContactsOf(ctx, "620622"); err != nil || len(cs) != 1 || cs[0].Elsewhere != 1 || cs[0].FirstCounty != "" {
			t.Errorf("古浪县's register: %+v %v", cs, err)
		}
	})
}
