package storetest

import (
	"context"
	"slices"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// Approver is the actor Advance approves and publishes as: never the
// creator of a test's runs, as the four-eyes rule requires.
var Approver = store.Actor{Username: "storetest-approver"}

// Advance moves run id from its state to state to the lawful way of the
// office's chain (issue 12), as actor, and returns the run: the public
// notice with a window that closed ten days ago (so that the run may leave
// it at once), the approval by Approver with a record of a leading-group
// meeting, the publication by Approver.
func Advance(tb testing.TB, db *store.DB, actor store.Actor, id int64, to auth.RunState) store.Run {
	tb.Helper()
	ctx := context.Background()
	r, err := db.Run(ctx, id)
	if err != nil {
		tb.Fatal(err)
	}
	from, end := slices.Index(auth.RunStates, r.State), slices.Index(auth.RunStates, to)
	today := store.Day(db.Now())
	for _, s := range auth.RunStates[from+1 : end+1] {
		switch s {
		case auth.StateNotice:
			r, err = db.StartNotice(ctx, actor, id, today.AddDate(0, 0, -30), today.AddDate(0, 0, -10), "")
		case auth.StateApproved:
			r, err = db.Approve(ctx, Approver, id, store.NewApproval{Meeting: store.MeetingLeadingGroup, MinuteNo: "第1次",
				Date: today.AddDate(0, 0, -1)})
		case auth.StatePublished:
			r, err = db.Transition(ctx, Approver, id, s, "")
		default:
			r, err = db.Transition(ctx, actor, id, s, "")
		}
		if err != nil {
			tb.Fatalf("advance run %d to %s: %v", id, s, err)
		}
	}
	return r
}
