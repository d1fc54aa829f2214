{{/*
Chart name, overridable so one namespace can hold differently named installs.
*/}}
{{- define "softwarebroker.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name. Kubernetes names are limited to 63 characters (DNS label), and the
release name is left out when it already contains the chart name.
*/}}
{{- define "softwarebroker.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "softwarebroker.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object (Kubernetes recommended labels).
*/}}
{{- define "softwarebroker.labels" -}}
helm.sh/chart: {{ include "softwarebroker.chart" . }}
{{ include "softwarebroker.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: softwarebroker
{{- end }}

{{/*
Selector labels. They are immutable on a Deployment, so they hold nothing that changes
between releases (no version, no chart).
*/}}
{{- define "softwarebroker.selectorLabels" -}}
app.kubernetes.io/name: {{ include "softwarebroker.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "softwarebroker.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "softwarebroker.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "softwarebroker.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
Name of the Secret with SECRET_KEY and DATABASE_URL: the operator's own or the chart's.
*/}}
{{- define "softwarebroker.secretName" -}}
{{- default (include "softwarebroker.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/*
SECRET_KEY for a chart-managed Secret: the value given, else the one already in the cluster
(so an upgrade does not log everybody out), else a new random one.
*/}}
{{- define "softwarebroker.secretKey" -}}
{{- if .Values.secrets.secretKey }}
{{- .Values.secrets.secretKey }}
{{- else }}
{{- $existing := lookup "v1" "Secret" .Release.Namespace (include "softwarebroker.fullname" .) }}
{{- if and $existing $existing.data (hasKey $existing.data "SECRET_KEY") }}
{{- index $existing.data "SECRET_KEY" | b64dec }}
{{- else }}
{{- randAlphaNum 64 }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Data of the chart-managed Secret, shared by the release's Secret and the migrations hook's copy.
*/}}
{{- define "softwarebroker.secretData" -}}
SECRET_KEY: {{ include "softwarebroker.secretKey" . | b64enc | quote }}
DATABASE_URL: {{ .Values.secrets.databaseUrl | b64enc | quote }}
SECRETS_ENCRYPTION_KEYS: {{ .Values.secrets.encryptionKeys | b64enc | quote }}
{{- end }}

{{/*
Data of the settings ConfigMap. Helm reads numbers in values as floats, so a whole number is
printed as an integer: 31536000 must not become "3.1536e+07".
*/}}
{{- define "softwarebroker.configData" -}}
{{- $data := dict }}
{{- range $key, $value := .Values.settings }}
{{- if and (kindIs "float64" $value) (eq (float64 (int64 $value)) $value) }}
{{- $_ := set $data $key (int64 $value | toString) }}
{{- else }}
{{- $_ := set $data $key (toString $value) }}
{{- end }}
{{- end }}
{{- toYaml $data }}
{{- end }}

{{/*
Host header for the kubelet's HTTP probes. Django answers 400 to any host not in
ALLOWED_HOSTS, and the kubelet would otherwise send the pod's IP address.
*/}}
{{- define "softwarebroker.probeHost" -}}
{{- $first := splitList "," (toString .Values.settings.ALLOWED_HOSTS) | first | trim | trimPrefix "." }}
{{- if or (not $first) (eq $first "*") }}localhost{{ else }}{{ $first }}{{ end }}
{{- end }}

{{/*
Environment of every container that runs the application: settings from a ConfigMap, the two
secrets from a Secret, then the operator's extra variables, which win by coming last.
Called with a dict: root (the chart context), configMap and secret (object names).
*/}}
{{- define "softwarebroker.env" -}}
envFrom:
  - configMapRef:
      name: {{ .configMap }}
env:
  - name: SECRET_KEY
    valueFrom:
      secretKeyRef:
        name: {{ .secret }}
        key: SECRET_KEY
  - name: DATABASE_URL
    valueFrom:
      secretKeyRef:
        name: {{ .secret }}
        key: DATABASE_URL
  - name: SECRETS_ENCRYPTION_KEYS
    valueFrom:
      secretKeyRef:
        name: {{ .secret }}
        key: SECRETS_ENCRYPTION_KEYS
        optional: true
{{- with .root.Values.extraEnv }}
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/*
Pod-level fields shared by the web, worker and migrations pods.
*/}}
{{- define "softwarebroker.podCommon" -}}
automountServiceAccountToken: {{ .Values.serviceAccount.automountToken }}
# No *_SERVICE_HOST/_PORT variables for every Service in the namespace: they only add noise to
# the environment and could clash with the application's own variables.
enableServiceLinks: false
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
volumes:
  # The root filesystem is read-only; gunicorn and Python need a writable /tmp.
  - name: tmp
    emptyDir:
      sizeLimit: {{ .Values.tmpSizeLimit }}
  - name: private-media
    {{- if .Values.privateMedia.existingClaim }}
    persistentVolumeClaim:
      claimName: {{ .Values.privateMedia.existingClaim }}
    {{- else }}
    emptyDir:
      sizeLimit: {{ .Values.privateMedia.sizeLimit }}
    {{- end }}
{{- end }}

{{/*
Container-level fields shared by every container that runs the application image.
*/}}
{{- define "softwarebroker.containerCommon" -}}
image: {{ include "softwarebroker.image" . | quote }}
imagePullPolicy: {{ .Values.image.pullPolicy }}
securityContext:
  {{- toYaml .Values.securityContext | nindent 2 }}
volumeMounts:
  - name: tmp
    mountPath: /tmp
  - name: private-media
    mountPath: {{ .Values.settings.PRIVATE_MEDIA_ROOT | default "/private-media" }}
{{- end }}

{{/*
Checksums of the configuration, so pods restart when a setting or secret changes.
*/}}
{{- define "softwarebroker.configChecksums" -}}
checksum/config: {{ include "softwarebroker.configData" . | sha256sum }}
{{- if not .Values.secrets.existingSecret }}
checksum/secret: {{ include "softwarebroker.secretData" . | sha256sum }}
{{- end }}
{{- end }}

{{/*
Metadata of a pod template. Called with a dict: root (the chart context) and component.
*/}}
{{- define "softwarebroker.podMetadata" -}}
labels:
  {{- include "softwarebroker.labels" .root | nindent 2 }}
  app.kubernetes.io/component: {{ .component }}
  {{- with .root.Values.podLabels }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
annotations:
  {{- include "softwarebroker.configChecksums" .root | nindent 2 }}
  {{- with .root.Values.podAnnotations }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end }}
