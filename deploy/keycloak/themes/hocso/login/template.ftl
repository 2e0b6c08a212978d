<#-- HọcSố's page around every sign-in step (sign in, register, forgot password, new password, errors): the app's
     header and colours, one small stylesheet, no PatternFly. Keycloak's own base pages fill the sections. -->
<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false>
<!DOCTYPE html>
<html lang="${lang}">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex, nofollow">
    <title>${msg("loginTitle")}</title>
    <link rel="icon" href="${url.resourcesPath}/img/favicon.svg" type="image/svg+xml">
    <#if properties.styles?has_content>
        <#list properties.styles?split(' ') as style>
            <link href="${url.resourcesPath}/${style}" rel="stylesheet">
        </#list>
    </#if>
    <script type="importmap">
        { "imports": { "rfc4648": "${url.resourcesCommonPath}/vendor/rfc4648/rfc4648.js" } }
    </script>
    <#if scripts??>
        <#list scripts as script>
            <script src="${script}" type="text/javascript"></script>
        </#list>
    </#if>
    <#if authenticationSession??>
        <script type="module">
            <#outputformat "JavaScript">
            import { checkAuthSession } from ${(url.resourcesPath + "/js/authChecker.js")?c};
            checkAuthSession(${authenticationSession.authSessionIdHash?c});
            </#outputformat>
        </script>
    </#if>
</head>
<body class="kc ${bodyClass}" data-page-id="login-${pageId}">
<a class="skip" href="#kc-content">${msg("skipLink")}</a>
<header class="top">
    <div class="bar">
        <#if client?? && client.baseUrl?has_content>
            <a class="brand" href="${client.baseUrl}">HọcSố</a>
        <#else>
            <span class="brand">HọcSố</span>
        </#if>
        <#if realm.internationalizationEnabled && locale.supported?size gt 1>
            <nav class="lang" id="kc-locale" aria-label="${msg("languages")}">
                <#list locale.supported as l>
                    <#if l.languageTag == locale.currentLanguageTag>
                        <a href="${l.url}" aria-current="true" lang="${l.languageTag}">${msg("language" + l.languageTag?cap_first)}</a>
                    <#else>
                        <a href="${l.url}" lang="${l.languageTag}">${msg("language" + l.languageTag?cap_first)}</a>
                    </#if>
                </#list>
            </nav>
        </#if>
    </div>
    <p class="tagline">${msg("tagline")}</p>
</header>
<main id="kc-content">
    <div class="card">
        <#if !(auth?has_content && auth.showUsername() && !auth.showResetCredentials())>
            <h1 id="kc-page-title"><#nested "header"></h1>
        <#else>
            <#nested "show-username">
            <div id="kc-username" class="attempted">
                <span id="kc-attempted-username">${auth.attemptedUsername}</span>
                <a id="reset-login" href="${url.loginRestartFlowUrl}">${msg("restartLoginTooltip")}</a>
            </div>
        </#if>
        <#if displayRequiredFields>
            <p class="hint"><span class="required">*</span> ${msg("requiredFields")}</p>
        </#if>

        <#-- App-initiated actions should not see warnings about the action they are completing. -->
        <#if displayMessage && message?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
            <div class="alert alert-${message.type}" role="<#if message.type = 'error'>alert<#else>status</#if>">
                <span class="kc-feedback-text">${kcSanitize(message.summary)?no_esc}</span>
            </div>
        </#if>

        <#nested "form">

        <#if auth?has_content && auth.showTryAnotherWayLink()>
            <form id="kc-select-try-another-way-form" action="${url.loginAction}" method="post">
                <input type="hidden" name="tryAnotherWay" value="on">
                <button type="submit" class="linklike">${msg("doTryAnotherWay")}</button>
            </form>
        </#if>

        <#nested "socialProviders">

        <#if displayInfo>
            <div id="kc-info" class="info">
                <#nested "info">
            </div>
        </#if>
    </div>
</main>
</body>
</html>
</#macro>
