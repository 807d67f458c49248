{{/* Names and labels shared by every template. */}}
{{- define "consentry.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "consentry.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one service; call with (dict "root" $ "service" "consent"). */}}
{{- define "consentry.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .service }}-service
{{- end -}}

{{/* Selector labels of the privacy console. */}}
{{- define "consentry.consoleSelectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: console
{{- end -}}

{{- define "consentry.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "consentry.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The Kafka security protocol the settings imply. */}}
{{- define "consentry.kafkaProtocol" -}}
{{- if and .Values.kafka.tls.enabled .Values.kafka.sasl.enabled -}}SASL_SSL
{{- else if .Values.kafka.tls.enabled -}}SSL
{{- else if .Values.kafka.sasl.enabled -}}SASL_PLAINTEXT
{{- else -}}PLAINTEXT
{{- end -}}
{{- end -}}

{{/* JDBC and reactive URLs of one service's database; call with (dict "root" $ "svc" $svc). */}}
{{- define "consentry.databaseUrl" -}}
{{- printf "%s:%d/%s?sslmode=%s" .root.Values.postgresql.host (int .root.Values.postgresql.port) .svc.database .root.Values.postgresql.sslMode -}}
{{- end -}}
