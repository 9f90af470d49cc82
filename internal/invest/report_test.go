package invest

import (
	"errors"
	"testing"
	"time"
)

func TestReportNext(t *testing.T) {
	deadline := time.Date(2024, 7, 10, 0, 0, 0, 0, time.UTC)
	before, after := deadline.Add(-time.Hour), deadline.Add(time.Hour)
	open := MonthWindow{Deadline: deadline}
	reopened := MonthWindow{Deadline: deadline, ReopenedTill: after.Add(time.Hour)}
	inPref := Report{ReportInReview, AtPrefecture}
	inProv := Report{ReportInReview, AtProvince}
	returned := Report{ReportReturned, AtCounty}
	cases := []struct {
		name    string
		r       Report
		by      ReportLevel
		act     ReportAction
		opinion string
		w       MonthWindow
		now     time.Time
		want    Report
		err     error
	}{
		{"county saves a new report", Report{}, AtCounty, ActSave, "", open, before, Report{ReportSaved, AtCounty}, nil},
		{"county submits", Report{ReportSaved, AtCounty}, AtCounty, ActSubmit, "", open, before, inPref, nil},
		{"at the deadline itself it is open", Report{}, AtCounty, ActSubmit, "", open, deadline, inPref, nil},
		{"after the deadline the month is locked", Report{ReportSaved, AtCounty}, AtCounty, ActSubmit, "", open, after, Report{ReportSaved, AtCounty}, ErrLocked},
		{"reopened by the province", Report{ReportSaved, AtCounty}, AtCounty, ActSubmit, "", reopened, after, inPref, nil},
		{"reopening ends", Report{ReportSaved, AtCounty}, AtCounty, ActSave, "", reopened, after.Add(2 * time.Hour), Report{ReportSaved, AtCounty}, ErrLocked},
		{"county cannot change a report under review", inPref, AtCounty, ActSave, "", open, before, inPref, ErrNotYourTurn},
		{"county corrects a returned report", returned, AtCounty, ActSubmit, "", open, before, inPref, nil},
		{"prefecture passes to the province", inPref, AtPrefecture, ActPass, "", open, after, inProv, nil},
		{"prefecture returns with an opinion", inPref, AtPrefecture, ActReturn, "凭证不全", open, after, returned, nil},
		{"a return needs an opinion", inPref, AtPrefecture, ActReturn, "", open, after, inPref, ErrNeedsOpinion},
		{"province cannot act before the prefecture", inPref, AtProvince, ActPass, "", open, after, inPref, ErrNotYourTurn},
		{"province passes: in the ledger", inProv, AtProvince, ActPass, "", open, after, Report{ReportPassed, AtProvince}, nil},
		{"province returns", inProv, AtProvince, ActReturn, "金额有误", open, after, returned, nil},
		{"prefecture cannot act on the province's", inProv, AtPrefecture, ActReturn, "x", open, after, inProv, ErrNotYourTurn},
		{"a passed report moves no more", Report{ReportPassed, AtProvince}, AtCounty, ActSave, "", open, before, Report{ReportPassed, AtProvince}, ErrNotYourTurn},
		{"a reviewer does not save", inPref, AtPrefecture, ActSave, "", open, before, inPref, ErrNotYourTurn},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Next(c.r, c.by, c.act, c.opinion, c.w, c.now)
			if !errors.Is(err, c.err) || (c.err == nil && err != nil) {
				t.Fatalf("error %v, want %v", err, c.err)
			}
			if got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}
