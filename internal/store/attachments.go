package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"fmt"
	"time"

	"github.com/qiangxian/qiangxian/internal/workflow"
)

// NewAttachment is a file to attach, already checked by
// workflow.CheckAttachment (type and size); the store checks the size again.
type NewAttachment struct {
	Name        string
	ContentType string
	Content     []byte
}

// Attachment is a stored file of an objection (Entity "objection", EntityID
// its id, MessageID the thread entry) or of an event (Entity "event",
// EntityID its key). Content is filled by Attachment only.
type Attachment struct {
	ID          int64
	Entity      string
	EntityID    string
	MessageID   int64
	Name        string
	ContentType string
	Size        int64
	SHA256      string
	CreatedAt   time.Time
	CreatedBy   string
	Content     []byte
}

const attachmentColumns = `id, entity, entity_id, message_id, filename, content_type, size, sha256, created_at, created_by`

func scanAttachment(s scanner, withContent bool) (Attachment, error) {
	var a Attachment
	var msg sql.NullInt64
	var content string
	dest := []any{&a.ID, &a.Entity, &a.EntityID, &msg, &a.Name, &a.ContentType, &a.Size, &a.SHA256, &a.CreatedAt, &a.CreatedBy}
	if withContent {
		dest = append(dest, &content)
	}
	if err := s.Scan(dest...); err != nil {
		return a, err
	}
	a.MessageID, a.CreatedAt = msg.Int64, a.CreatedAt.UTC()
	if withContent {
		b, err := base64.StdEncoding.DecodeString(content)
		if err != nil {
			return a, fmt.Errorf("attachment %d: %w", a.ID, err)
		}
		a.Content = b
	}
	return a, nil
}

// attach stores a file in the transaction. The content is kept as base64
// text so that the dialect-neutral backup carries it as it carries text.
func (t *txn) attach(entity, entityID string, messageID int64, n NewAttachment) (Attachment, error) {
	if len(n.Content) == 0 || len(n.Content) > workflow.MaxAttachment || n.Name == "" || n.ContentType == "" {
		return Attachment{}, refuse(ErrInvalid, "store.attachment", n.Name, workflow.MaxAttachment)
	}
	a, err := scanAttachment(t.QueryRow(`INSERT INTO attachments (entity, entity_id, message_id, filename, content_type, size, sha256, content, created_at, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING `+attachmentColumns,
		entity, entityID, nullID(messageID), n.Name, n.ContentType, len(n.Content), sha256Hex(n.Content),
		base64.StdEncoding.EncodeToString(n.Content), t.now, t.actor.Username), false)
	if err != nil {
		return a, err
	}
	return a, t.audit("attach", entity, entityID, map[string]any{"attachment": a.ID, "file": a.Name, "size": a.Size, "sha256": a.SHA256})
}

// AttachToEvent stores a file (the document with the 文号) with the event
// of key, which must exist; it stays with the event across its versions.
func (db *DB) AttachToEvent(ctx context.Context, actor Actor, key string, n NewAttachment) (a Attachment, err error) {
	defer wrap(&err, "AttachToEvent(%s)", key)
	err = db.change(ctx, actor, func(t *txn) error {
		var c int
		if err := t.QueryRow(`SELECT COUNT(*) FROM events WHERE event_key = $1`, key).Scan(&c); err != nil {
			return err
		}
		if c == 0 {
			return refuse(ErrNotFound, "store.event.notFound", key)
		}
		var err error
		a, err = t.attach("event", key, 0, n)
		return err
	})
	return a, err
}

// Attachment returns the attachment with id, with its content.
func (db *DB) Attachment(ctx context.Context, id int64) (a Attachment, err error) {
	defer wrap(&err, "Attachment(%d)", id)
	return scanAttachment(db.sql.QueryRowContext(ctx, `SELECT `+attachmentColumns+`, content FROM attachments WHERE id = $1`, id), true)
}

// Attachments lists the attachments of an entity, oldest first, without
// their content.
func (db *DB) Attachments(ctx context.Context, entity, entityID string) (as []Attachment, err error) {
	defer wrap(&err, "Attachments(%s, %s)", entity, entityID)
	rows, err := db.sql.QueryContext(ctx, `SELECT `+attachmentColumns+` FROM attachments WHERE entity = $1 AND entity_id = $2 ORDER BY id`,
		entity, entityID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanAttachment(rows, false)
		if err != nil {
			return nil, err
		}
		as = append(as, a)
	}
	return as, rows.Err()
}

func init() {
	// The workflow's tables (migration 0003) go into backups after the
	// tables they refer to, parents before children.
	dumpTables = append(dumpTables,
		dumpTable{"collection_tasks", taskColumns, "issstits", "id", true},
		dumpTable{"check_rules", ruleColumns + ", updated_at, updated_by", "issssssfffbsts", "id", true},
		dumpTable{"pending_imports", pendingColumns, "isssssssssitt", "id", true},
		dumpTable{"observation_explanations", explanationColumns, "sssissst", "revision_id, unit_code, indicator_code, period_code", false},
		dumpTable{"figure_objections", objectionColumns, "issssiffssstistsi", "id", true},
		dumpTable{"figure_objection_messages", messageColumns, "iitsssi", "id", true},
		dumpTable{"attachments", attachmentColumns + ", content", "ississistss", "id", true},
		dumpTable{"notifications", notificationColumns, "isssiists", "id", true})
}
