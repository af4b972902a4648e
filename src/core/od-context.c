/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-context.h"

struct _OdContext
{
  GObject parent_instance;

  OdStore *store;
};

G_DEFINE_FINAL_TYPE (OdContext, od_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LEDGER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
od_context_dispose (GObject *object)
{
  OdContext *self = OD_CONTEXT (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (od_context_parent_class)->dispose (object);
}

static void
od_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  OdContext *self = OD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, od_context_get_store (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  OdContext *self = OD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_context_class_init (OdContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = od_context_dispose;
  object_class->get_property = od_context_get_property;
  object_class->set_property = od_context_set_property;

  /**
   * OdContext::ledger-changed:
   *
   * Something in the ledger changed: a payment, an edit, a decision in
   * the outbox. Emitted on the main thread after the write committed.
   */
  signals[LEDGER_CHANGED] =
    g_signal_new ("ledger-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         OD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
od_context_init (OdContext *self)
{
}

OdContext *
od_context_new (OdStore *store)
{
  g_return_val_if_fail (OD_IS_STORE (store), NULL);

  return g_object_new (OD_TYPE_CONTEXT,
                       "store", store,
                       NULL);
}

/**
 * od_context_get_store:
 * @self: a context
 *
 * Returns: (transfer none): the ledger
 */
OdStore *
od_context_get_store (OdContext *self)
{
  g_return_val_if_fail (OD_IS_CONTEXT (self), NULL);

  return self->store;
}

void
od_context_ledger_changed (OdContext *self)
{
  g_return_if_fail (OD_IS_CONTEXT (self));

  g_signal_emit (self, signals[LEDGER_CHANGED], 0);
}
