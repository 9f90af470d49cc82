package seed

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// Signer is the demo's approver (分管委领导) who signed the demo runs'
// approvals. The account has no usable password and is disabled: nobody
// logs in as it, it only names who approved.
const Signer = "demo-signer"

// signerName is the name the approval records show.
const signerName = "示例：分管委领导"

// publish sets the run's visibility and takes it through the office's
// chain as it happened in the year after the period (issue 12): review, a
// 公示 of five working days in June of the next year, objection handling
// once the window has closed, the approval of the provincial leading
// group's meeting a week later signed by Signer, and publication by her.
func publish(ctx context.Context, db *store.DB, actor store.Actor, id int64, vis auth.Visibility) (store.Run, error) {
	run, err := db.Run(ctx, id)
	if err != nil {
		return run, err
	}
	year, err := strconv.Atoi(run.Period)
	if err != nil {
		return run, fmt.Errorf("seed: run %d: period %q is not a year", id, run.Period)
	}
	return publishAs(ctx, db, actor, id, vis, fmt.Sprintf("甘县域领纪〔%d〕2号", year+1))
}

// publishAs is publish with the approving meeting's minutes number (纪要号).
func publishAs(ctx context.Context, db *store.DB, actor store.Actor, id int64, vis auth.Visibility, minute string) (store.Run, error) {
	if err := db.SetVisibility(ctx, actor, id, vis); err != nil {
		return store.Run{}, err
	}
	run, err := db.Run(ctx, id)
	if err != nil {
		return run, err
	}
	year, err := strconv.Atoi(run.Period)
	if err != nil {
		return run, fmt.Errorf("seed: run %d: period %q is not a year", id, run.Period)
	}
	signer, err := addSigner(ctx, db, actor)
	if err != nil {
		return run, err
	}
	cal, err := db.Calendar(ctx)
	if err != nil {
		return run, err
	}
	first, last, err := cal.Window(time.Date(year+1, 6, 1, 0, 0, 0, 0, time.UTC), workflow.NoticeWorkingDays)
	if err != nil {
		return run, err
	}
	if _, err := db.Transition(ctx, actor, id, auth.StateReview, "提交部门审核（示例）"); err != nil {
		return run, err
	}
	if _, err := db.StartNotice(ctx, actor, id, first, last, "公示 5 个工作日（示例）"); err != nil {
		return run, err
	}
	if _, err := db.Transition(ctx, actor, id, auth.StateObjections, "公示期满，处理异议（示例：无异议）"); err != nil {
		return run, err
	}
	if _, err := db.Approve(ctx, signer, id, store.NewApproval{Meeting: store.MeetingLeadingGroup,
		MinuteNo: minute, Date: last.AddDate(0, 0, 7), Note: "领导小组会议审定（示例）"}); err != nil {
		return run, err
	}
	return db.Transition(ctx, signer, id, auth.StatePublished, "发布通报（示例）")
}

// addSigner creates Signer once, disabled and without a usable password.
func addSigner(ctx context.Context, db *store.DB, actor store.Actor) (store.Actor, error) {
	a := store.Actor{Username: Signer}
	if _, err := db.User(ctx, Signer); err == nil {
		return a, nil
	}
	// "!" is no hash auth.VerifyPassword accepts: the account cannot log in
	// even if someone enabled it.
	_, err := db.CreateUser(ctx, actor, store.User{Username: Signer, PasswordHash: "!", Role: auth.RoleApprover,
		DisplayName: signerName, Disabled: true})
	return a, err
}
