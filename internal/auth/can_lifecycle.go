package auth

// The office's chain of sign-off (issue 12): 经办 (analyst) prepares a run
// and sends it to review; 处室负责人 (office_head) reviews it and opens the
// public notice; 分管委领导 (approver) alone approves and publishes it. The
// four-eyes rule — the approver is not who computed or re-ran the run —
// needs the run's history and is checked by the store and the web on top
// of Can; it binds the administrator too.

// KindCalendar is the office's holiday calendar (节假日安排) of the 公示
// windows: everyone reads it, the office (analyst, head) keeps it.
const KindCalendar Kind = "calendar"

// officeHeadCan: the head of the office reads what the analyst reads, does
// what the analyst does with runs and objections, and opens the 公示.
func officeHeadCan(a Action, r Resource) bool {
	switch r.Kind {
	case KindUnit, KindIndicator, KindObservation, KindEvent, KindTarget, KindMethod:
		return a == Read
	case KindRun:
		return a == Read || a == Write || a == Transition || a == Notice
	case KindResult:
		return a == Read || a == Write || a == Object
	case KindCalendar:
		return a == Read || a == Write
	}
	return false
}

// approverCan: the approver reads the office's records and alone approves
// and publishes a run.
func approverCan(a Action, r Resource) bool {
	switch r.Kind {
	case KindUnit, KindIndicator, KindObservation, KindEvent, KindTarget, KindMethod, KindResult:
		return a == Read
	case KindRun:
		return a == Read || a == Approve || a == Publish
	}
	return false
}

// MoveAction is the action a move of a run from one state to another
// needs: publishing is Publish, approving or undoing an approval Approve,
// opening the public notice Notice, any other move Transition.
func MoveAction(from, to RunState) Action {
	switch {
	case to == StatePublished:
		return Publish
	case to == StateApproved || from == StateApproved:
		return Approve
	case to == StateNotice:
		return Notice
	}
	return Transition
}
